// Sends a form marked data-auto-submit at once (the deep-link answer to the LMS); without
// JavaScript the teacher presses its button.
document.querySelectorAll("form[data-auto-submit]").forEach((form) => form.submit());
