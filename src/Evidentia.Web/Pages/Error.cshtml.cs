using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages;

/// <summary>
/// What a reader sees when something goes wrong: a status and a sentence, never a stack trace. Requests under
/// <c>/api</c> get problem details instead.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "Evidentia could not show this page. The error has been logged.";

    public Task<IActionResult> OnGetAsync(int? code) => ShowAsync(code);

    public Task<IActionResult> OnPostAsync(int? code) => ShowAsync(code);

    private async Task<IActionResult> ShowAsync(int? code)
    {
        var status = code ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? StatusCodes.Status404NotFound : Response.StatusCode);
        if (status < 400)
        {
            status = StatusCodes.Status500InternalServerError;
        }

        (Title, Message) = status switch
        {
            404 => ("Not found", "There is no page at this address."),
            400 => ("Bad request", "The request was not understood."),
            403 => ("Forbidden", "Your account's role cannot do this."),
            409 => ("Conflict", "Someone changed this first; reload and try again."),
            429 => ("Too many questions", "Too many new questions from this address; try again in a minute."),
            _ => (Title, Message),
        };
        Response.StatusCode = status;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        if (original.StartsWith("/api/", StringComparison.Ordinal) && status == StatusCodes.Status400BadRequest)
        {
            // The endpoint could not bind its input: a body that is not the JSON it takes, or a parameter of the wrong type.
            Message = "The request body is not valid JSON of the expected shape, or a parameter has the wrong type; see /openapi/v1.json.";
        }

        if (original.StartsWith("/api/", StringComparison.Ordinal) &&
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = status, Title = Title, Detail = Message } }))
        {
            return new EmptyResult();
        }

        return Page();
    }
}
