using Evidentia.Core.Articles;
using Evidentia.Core.Documents;
using Evidentia.Search;
using Evidentia.Search.Retrieval;
using Evidentia.Core.Answers;
using Evidentia.Web.Answering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Evidentia.Web.Apis;

/// <summary>The rest of <c>/api</c>: related questions, search, sources, the article library and threads.</summary>
public static class LibraryApi
{
    private const int MaxTop = 100;

    public static IEndpointRouteBuilder MapLibraryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/related", Related).WithTags("Answers")
            .WithSummary("Related questions")
            .WithDescription("The nearest indexed questions to a question, each with the id its answer gets.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/search", Search).WithTags("Search")
            .WithSummary("Search the indexed documents")
            .WithDescription("BM25 over the weighted fields, reranked by the learned reranker (scores in (0, 1)), as `evidentia search --json`.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/sources/{id}", SourceAsync).WithTags("Sources")
            .WithSummary("Get a source document")
            .WithDescription("The stored text that quotes are cut from. Ids are unique within a collection: give ?collection= when several hold the id.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/articles", ArticlesAsync).WithTags("Library")
            .WithSummary("Browse the library of answered questions")
            .WithDescription("Newest first, one per question; filter by words of the question, question type, topic or review status.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/threads/{id}", ThreadAsync).WithTags("Answers")
            .WithSummary("Get a thread")
            .WithDescription("The questions of one conversation in order, with the ids of their answers.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static Results<Ok<IReadOnlyList<RelatedQuestion>>, ProblemHttpResult> Related(string? question, string? audience, AnswerEngine engine)
    {
        if (QuestionRules.Validate(question) is { } error)
        {
            return Problems.BadRequest(error);
        }

        if (Problems.Audience(audience, out var chosen) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(engine.Related(question!, chosen ?? Audience.Physician));
    }

    private static Results<Ok<IReadOnlyList<SearchResult>>, ProblemHttpResult> Search(string? q, string? collection, int? top, DocumentSearcher searcher)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > QuestionRules.MaxLength)
        {
            return Problems.BadRequest($"Give a query 'q' of 1 to {QuestionRules.MaxLength} characters.");
        }

        if (top is < 1 or > MaxTop)
        {
            return Problems.BadRequest($"'top' must be between 1 and {MaxTop}.");
        }

        var hits = searcher.Search(q, top ?? 10, string.IsNullOrWhiteSpace(collection) ? null : collection);
        return TypedResults.Ok<IReadOnlyList<SearchResult>>(
            hits.Select((h, i) => new SearchResult(i + 1, h.Key.Id, h.Key.Collection, h.Title, h.Score)).ToList());
    }

    private static async Task<Results<Ok<SourceDocument>, ProblemHttpResult>> SourceAsync(
        string id, string? collection, IDocumentStore store, CancellationToken cancellationToken)
    {
        var found = await SourceLookup.FindAsync(store, id, collection, cancellationToken);
        return found switch
        {
            { Document: { } document } => TypedResults.Ok(SourceDocument.Of(document)),
            { Collections.Count: > 1 } => Problems.BadRequest($"Several collections hold '{id}' ({string.Join(", ", found.Collections)}); give ?collection=."),
            _ => Problems.NotFound($"No document has the id '{id}'{(collection is null ? "" : $" in {collection}")}."),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<ArticleSummary>>, ProblemHttpResult>> ArticlesAsync(
        string? q, string? type, string? topic, string? status, int? limit, IArticleStore articles, CancellationToken cancellationToken)
    {
        ReviewStatus? parsed = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ReviewStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                return Problems.BadRequest($"Unknown status '{status}'. Use one of: {string.Join(", ", Enum.GetNames<ReviewStatus>())}.");
            }

            parsed = s;
        }

        if (limit is < 1 or > 500)
        {
            return Problems.BadRequest("'limit' must be between 1 and 500.");
        }

        var list = await articles.ListAsync(new ArticleQuery { Text = q, QuestionType = type, Topic = topic, Status = parsed, Limit = limit ?? 50 }, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ArticleSummary>>(list.Select(ArticleSummary.Of).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ThreadTurn>>, ProblemHttpResult>> ThreadAsync(string id, AnswerService answers, CancellationToken cancellationToken)
    {
        var thread = await answers.ThreadAsync(id, cancellationToken);
        return thread.Count == 0
            ? Problems.NotFound($"No thread has the id '{id}'.")
            : TypedResults.Ok<IReadOnlyList<ThreadTurn>>(thread.Select(t => new ThreadTurn(t.Turn.Turn, t.Turn.Question, t.Article.Id, t.Article.Slug, t.Article.Answer.Outcome.ToString())).ToList());
    }
}
