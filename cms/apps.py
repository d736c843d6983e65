from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _site_address_sync(sender, **kwargs):
    from cms.site_address import site_address_sync

    site_address_sync()


def _tree_renew(sender, **kwargs):
    from cms.page_tree import tree_changed

    tree_changed()


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from cms import page_tree

        page_tree.connect()
        # Every `migrate` (so every `make run`) points Wagtail's default Site at
        # CAMPUS_BASE_URL: page.full_url then agrees with the other absolute URLs.
        post_migrate.connect(_site_address_sync, sender=self, dispatch_uid="cms-site")
        # A deployment runs `migrate` (`make serve` does): nothing that the previous
        # code cached from the tree — visitors' pages with their templates and their
        # static files' names (cms.page_cache) — is read after it.
        post_migrate.connect(_tree_renew, sender=self, dispatch_uid="cms-tree-deploy")
