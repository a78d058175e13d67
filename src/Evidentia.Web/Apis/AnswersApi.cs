using Evidentia.Core.Answers;
using Evidentia.Web.Answering;
using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Evidentia.Web.Apis;

/// <summary><c>/api/answers</c>: ask, read an answer, follow up.</summary>
public static class AnswersApi
{
    public static IEndpointRouteBuilder MapAnswersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/answers").WithTags("Answers");

        api.MapPost("/", AskAsync)
            .RequireRateLimiting(EvidentiaWeb.AskPolicy)
            .WithSummary("Answer a question")
            .WithDescription("Composes a cited answer (or says why not: InsufficientEvidence, OutOfScope, Emergency) and keeps it in the library under its id.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/{id}", GetAsync)
            .WithSummary("Get an answer")
            .WithDescription("An answer by its id, or by its question's slug (with ?audience= to choose the variant, composed when missing, within the same per-address limit as new questions).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/{id}/follow-ups", FollowUpAsync)
            .RequireRateLimiting(EvidentiaWeb.AskPolicy)
            .WithSummary("Ask a follow-up")
            .WithDescription("Answers a follow-up in the thread of an answer: it inherits the thread's focus. The reply's conversationId continues the thread.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return app;
    }

    private static async Task<Results<Ok<Answer>, ProblemHttpResult>> AskAsync(AskRequest? request, AnswerService answers, CancellationToken cancellationToken)
    {
        if (Invalid(request?.Question, request?.Audience, out var audience) is { } problem)
        {
            return problem;
        }

        var article = await answers.AskAsync(request!.Question!, audience ?? Audience.Physician, cancellationToken);
        return TypedResults.Ok(article.Answer);
    }

    private static async Task<Results<Ok<Answer>, ProblemHttpResult>> GetAsync(
        string id, string? audience, AnswerService answers, HttpContext http, CancellationToken cancellationToken)
    {
        if (Problems.Audience(audience, out var preferred) is { } problem)
        {
            return problem;
        }

        try
        {
            return await answers.FindAsync(id, preferred, cancellationToken) is { } article
                ? TypedResults.Ok(article.Answer)
                : Problems.NotFound($"No answer has the id or slug '{id}'.");
        }
        catch (ComposeLimitException e)
        {
            http.Response.Headers.RetryAfter = "60";
            return Problems.TooManyRequests(e.Message);
        }
    }

    private static async Task<Results<Ok<Answer>, ProblemHttpResult>> FollowUpAsync(
        string id, FollowUpRequest? request, AnswerService answers, CancellationToken cancellationToken)
    {
        if (Invalid(request?.Question, request?.Audience, out var audience) is { } problem)
        {
            return problem;
        }

        if (await answers.FindAsync(id, null, cancellationToken) is not { } parent)
        {
            return Problems.NotFound($"No answer has the id or slug '{id}'.");
        }

        var article = await answers.FollowUpAsync(parent, request!.Question!, audience ?? parent.Answer.Audience, request.ConversationId, cancellationToken);
        return TypedResults.Ok(article.Answer);
    }

    private static ProblemHttpResult? Invalid(string? question, string? audienceName, out Audience? audience)
    {
        var problem = Problems.Audience(audienceName, out audience);
        return QuestionRules.Validate(question) is { } error ? Problems.BadRequest(error) : problem;
    }
}
