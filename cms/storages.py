"""Object storage (S3-compatible) for several web nodes; configured in config.settings.

The public storage is the default storage: Wagtail's images, but also documents and
badge images. Only the images are public objects, written with the ``Cache-Control``
the one-machine media view would send for them; everything else is written private
(documents are streamed by Wagtail's serve view, which checks their privacy).
"""

from storages.backends.s3 import S3Storage

from cms.media import public_media_cache_control


class PublicMediaStorage(S3Storage):
    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        cache_control = public_media_cache_control(name)
        if cache_control is None:
            # With ACLs (AWS_DEFAULT_ACL set); without, the bucket policy decides.
            if self.default_acl:
                params.setdefault("ACL", "private")
        else:
            params.setdefault("CacheControl", cache_control)
        return params
