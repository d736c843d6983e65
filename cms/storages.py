"""Object storage (S3-compatible) for several web nodes; configured in config.settings.

The public storage holds Wagtail's images (and whatever else the default storage
stores); each image object is written with the ``Cache-Control`` the one-machine
media view would send for it.
"""

from storages.backends.s3 import S3Storage

from cms.media import public_media_cache_control


class PublicMediaStorage(S3Storage):
    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        cache_control = public_media_cache_control(name)
        if cache_control is not None:
            params.setdefault("CacheControl", cache_control)
        return params
