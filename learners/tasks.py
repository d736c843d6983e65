from celery import shared_task

from learners.services.accounts import email_message_from_payload


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_kwargs={"max_retries": 8},
    acks_late=True,
)
def email_send_task(payload: dict) -> None:
    """Deliver one e-mail queued before the outbox existed (e-mails now go through
    ``outbox``); kept one release so that messages still in Redis are consumed."""
    email_message_from_payload(payload).send()
