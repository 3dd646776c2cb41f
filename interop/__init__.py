"""The school's systems (issue 18): LTI 1.3 launches, Deep Linking, grade passback (AGS) and course
rosters (NRPS), on django-lti and pylti1p3. See README, "Using CivicLearn from an LMS"."""
