// Evidentia's only script; the pages work without it.
(function () {
    "use strict";

    // A progress indicator when an answer takes more than 300 ms.
    document.querySelectorAll("form[data-progress]").forEach(function (form) {
        form.addEventListener("submit", function () {
            var progress = document.getElementById("progress");
            if (!progress) { return; }
            window.setTimeout(function () { progress.hidden = false; }, 300);
        });
    });
    // Back/forward cache: hide it again when the page is shown from the cache.
    window.addEventListener("pageshow", function () {
        var progress = document.getElementById("progress");
        if (progress) { progress.hidden = true; }
    });

    // "Which best describes you?" applies as soon as a choice is made.
    // (The "Show" button is for readers without JavaScript.)
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.hidden = true; });
        form.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });

    // A quoted passage is brought into view and focused for screen readers.
    var quote = document.getElementById("quote");
    if (quote) {
        quote.scrollIntoView({ block: "center" });
        quote.focus({ preventScroll: true });
    }

    // Escape hides an open citation tooltip by moving focus back to the text.
    document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && document.activeElement && document.activeElement.closest(".cite")) {
            document.activeElement.blur();
        }
    });
})();
