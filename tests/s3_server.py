"""moto's standalone S3 server on a free port: the object storage of the tests.

It runs in the test's process (threads) and answers over HTTP, so the storages of
this process and those of the web nodes a test starts reach the same buckets.
"""

from collections.abc import Iterator
from contextlib import contextmanager

#: What django-storages (boto3) reads from the environment; moto accepts anything.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
REGION = "us-east-1"


def s3_client(endpoint: str):
    """A boto3 client of the server at ``endpoint`` (to look inside its buckets)."""
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


@contextmanager
def s3_server(*buckets: str) -> Iterator[str]:
    """Start the server with these buckets, yield its endpoint URL, stop it at the end."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        client = s3_client(endpoint)
        for bucket in buckets:
            client.create_bucket(Bucket=bucket)
        yield endpoint
    finally:
        server.stop()
