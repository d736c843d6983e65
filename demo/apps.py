from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo of `make run` and the load generator: the top of the import chain,
    nothing imports it. It has no models."""

    name = "demo"
