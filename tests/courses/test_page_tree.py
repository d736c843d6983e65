"""Each page type lives only where it belongs in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage
from courses.models import CatalogPage, CoursePage, LessonPage, ModulePage, QuizPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_page_types_allowed_parents_and_children(self):
        """Home → catalogue → course → module → lesson, and nothing else."""
        self.assertAllowedSubpageTypes(HomePage, {CatalogPage})
        self.assertAllowedSubpageTypes(CatalogPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage, QuizPage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertAllowedSubpageTypes(QuizPage, set())
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedParentPageTypes(QuizPage, {ModulePage})
        self.assertAllowedParentPageTypes(CoursePage, {CatalogPage})

    def test_can_create_where_allowed(self):
        self.assertCanCreateAt(HomePage, CatalogPage)
        self.assertCanCreateAt(CatalogPage, CoursePage)
        self.assertCanCreateAt(CoursePage, ModulePage)
        self.assertCanCreateAt(ModulePage, LessonPage)
        self.assertCanCreateAt(ModulePage, QuizPage)

    def test_cannot_create_under_the_wrong_parent(self):
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(CatalogPage, LessonPage)
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CoursePage, QuizPage)
        self.assertCanNotCreateAt(Page, CoursePage)
        self.assertCanNotCreateAt(LessonPage, LessonPage)

    def test_migration_created_the_catalogue_under_the_home_page(self):
        catalog = CatalogPage.objects.get()
        assert isinstance(catalog.get_parent().specific, HomePage)
        assert catalog.live


class PreviewTests(WagtailPageTestCase):
    def setUp(self):
        from tests.factories.courses import course_create
        from tests.factories.learners import UserFactory

        self.course = course_create(modules=1, lessons_per_module=1)
        self.client.force_login(UserFactory(is_superuser=True))

    def test_every_page_type_can_be_previewed(self):
        """Trainers see every page type in the admin preview before publishing."""
        module = ModulePage.objects.child_of(self.course).get()
        lesson = LessonPage.objects.child_of(module).get()
        from wagtail.test.utils.form_data import (
            inline_formset,
            nested_form_data,
            rich_text,
            streamfield,
        )

        for page in (CatalogPage.objects.get(), HomePage.objects.get(), module):
            self.assertPageIsPreviewable(page)
        course_data = nested_form_data(
            {
                "title": "Budget",
                "slug": self.course.slug,
                "summary": "Résumé",
                "level": "debutant",
                "language": "fr",
                "outcomes": inline_formset([{"text": "Lire un budget"}]),
            }
        )
        self.assertPageIsPreviewable(self.course, post_data=course_data)
        lesson_data = nested_form_data(
            {
                "title": "Leçon",
                "slug": lesson.slug,
                "body": streamfield(
                    [
                        ("heading", {"text": "Titre", "level": "h2"}),
                        ("paragraph", rich_text("<p>Texte</p>")),
                    ]
                ),
            }
        )
        self.assertPageIsPreviewable(lesson, post_data=lesson_data)
