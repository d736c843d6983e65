"""What learners deliver through the outbox (registered in LearnersConfig.ready)."""

#: An e-mail rendered when its cause happened (account mails, essay graded,
#: certificate issued); the payload is ``email_message_to_payload``'s dict.
EMAIL = "learners.email"


def email_deliver(payload: dict) -> None:
    """Send one e-mail; an SMTP error raises, and the outbox retries with back-off."""
    from learners.services.accounts import email_message_from_payload

    email_message_from_payload(payload).send()
