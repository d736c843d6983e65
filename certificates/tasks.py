from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=30)
def certificate_render_task(certificate_id: str) -> None:
    """Render and store a certificate's PDF (idempotent; a gone row is ignored).

    Issuing now records the rendering in the outbox (``certificates.pdf``); this task
    is kept one release so that messages still in Redis are consumed."""
    from certificates.models import Certificate
    from certificates.services import certificate_pdf_render

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is not None:
        certificate_pdf_render(certificate=certificate)


# Acknowledged only once the run ends: a worker killed mid-batch leaves the message
# to be delivered again (the broker's visibility timeout, see settings), and the
# sweep below queues the batch again if the message itself is lost.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def certificate_batch_task(batch_id: int) -> None:
    """Run a certificate batch (resumable: a redelivered task continues where the
    last run stopped; a gone batch is ignored)."""
    from certificates.batches import certificate_batch_run
    from certificates.models import CertificateBatch

    try:
        certificate_batch_run(batch_id=batch_id)
    except CertificateBatch.DoesNotExist:
        return


@shared_task(acks_late=True, ignore_result=True)
def certificate_batch_sweep_task() -> None:
    """Queue again the unfinished batches nothing has moved for a while (run by
    Celery beat, see CELERY_BEAT_SCHEDULE)."""
    from certificates.batches import certificate_batch_sweep

    certificate_batch_sweep()
