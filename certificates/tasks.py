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


@shared_task(acks_late=True)
def certificate_batch_task(batch_id: int) -> None:
    """Run a certificate batch (resumable: a redelivered task continues where the
    last run stopped; a gone batch is ignored)."""
    from certificates.batches import certificate_batch_run
    from certificates.models import CertificateBatch

    try:
        certificate_batch_run(batch_id=batch_id)
    except CertificateBatch.DoesNotExist:
        return
