from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo of `make run` and the load generator: the top of the import chain,
    nothing imports it."""

    name = "demo"
    verbose_name = _("Demo")
