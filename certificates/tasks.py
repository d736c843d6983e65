from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=30)
def certificate_render_task(certificate_id: str) -> None:
    """Render and store a certificate's PDF (idempotent; a gone row is ignored)."""
    from certificates.models import Certificate
    from certificates.services import certificate_pdf_render

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is not None:
        certificate_pdf_render(certificate=certificate)
