"""What certificates deliver through the outbox (registered in CertificatesConfig.ready)."""

#: Render and store a certificate's PDF; payload ``{"certificate_id": "<uuid>"}``.
CERTIFICATE_PDF = "certificates.pdf"


def certificate_pdf_deliver(payload: dict) -> None:
    """Render the PDF unless the certificate is gone or has its file already (a
    download may have rendered it first)."""
    from certificates.models import Certificate
    from certificates.services import certificate_pdf_render

    certificate = Certificate.objects.filter(pk=payload["certificate_id"]).first()
    if certificate is not None and not certificate.pdf:
        certificate_pdf_render(certificate=certificate)
