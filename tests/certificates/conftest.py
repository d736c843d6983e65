import pytest

from certificates.models import CertificateRule, CertificateTemplate
from courses.models import LessonPage
from learners.services import enrollment_create, step_complete
from tests.factories.courses import course_create
from tests.factories.learners import ProfileFactory


@pytest.fixture
def design():
    """The French design shipped by the migration."""
    return CertificateTemplate.objects.get(name="Campus — modèle français")


@pytest.fixture
def course(design):
    course = course_create(title="Finances locales", modules=1, lessons_per_module=2)
    # A new course has its default rule already: point it at this design.
    CertificateRule.objects.update_or_create(
        course=course, defaults={"template": design}
    )
    return course


def complete(user, course):
    enrollment_create(user=user, course=course)
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
        step_complete(user=user, page=lesson)


@pytest.fixture
def learner():
    profile = ProfileFactory(
        user__first_name="Nguyễn Thị", user__last_name="Łucja Œuvray"
    )
    return profile.user
