import factory
from allauth.account.models import EmailAddress

from learners.models import Municipality, Profile, User

DEFAULT_PASSWORD = "un-mot-de-passe-solide-2026"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified primary e-mail address, able to log in at once."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"agent{n}@ville.example")
    first_name = "Awa"
    last_name = "Diop"
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=obj, email=obj.email, primary=True, verified=True
            )


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name", "country")

    name = "Dakar"
    country = "SN"


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    job_title = "Agente d'état civil"
    department = "État civil"
    preferred_language = "fr"
