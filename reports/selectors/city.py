"""A city coordinator's figures: the courses their city's staff took, and the share
of women among their learners and certificate holders."""

from dataclasses import dataclass

from courses.models import CoursePage
from learners.scope import LearnerScope
from reports.selectors.courses import Figures, course_report_list
from reports.selectors.dashboard import gender_share_get
from reports.selectors.figures import GenderShare, gender_rows_paired


@dataclass(frozen=True)
class CityReport:
    """A coordinator's figures for their city: each course their staff took, and the
    share of women among their learners and certificate holders."""

    courses: list[tuple[CoursePage, Figures]]
    learners: GenderShare
    certificate_holders: GenderShare

    @property
    def gender_rows(self):
        return gender_rows_paired(self.learners, self.certificate_holders)


def city_report_get(*, scope: LearnerScope) -> CityReport:
    """The live courses with at least one enrolment in the scope, with their figures,
    and the shares of women (as ``gender_share_get`` counts them). 5 queries (4 on
    PostgreSQL)."""
    learners, holders = gender_share_get(scope=scope)
    return CityReport(
        courses=[
            (course, figures)
            for course, figures in course_report_list(scope=scope)
            if figures.enrolled
        ],
        learners=learners,
        certificate_holders=holders,
    )
