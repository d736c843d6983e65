"""The image library's upload form: a broken image file gets a message, not a 500.

Apart from ``cms.forms`` (which page models import): Wagtail's image forms need the
models loaded.
"""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing a file the image library cannot decode.

    Wagtail opens the file by its first bytes, then reads its size: a file that
    starts like a GIF (``GIF89a``) and then holds junk passes the first step and makes
    Pillow raise in the second, outside Wagtail's ``try`` (a 500 on upload).
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - any decoder failure: a broken file
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(BaseImageForm):
    """``WAGTAILIMAGES_IMAGE_FORM_BASE``: Wagtail's form with ``CheckedImageField``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        # Wagtail builds this field itself (formfield_for_dbfield), with no setting to
        # choose its class; declaring it here would also put it back in the forms that
        # exclude it (the multiple uploader's edit form).
        if type(field) is WagtailImageField:
            field.__class__ = CheckedImageField
