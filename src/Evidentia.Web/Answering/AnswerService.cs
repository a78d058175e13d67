using System.Security.Cryptography;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Core.Conversations;
using Evidentia.Core.Questions;
using Evidentia.Search;

namespace Evidentia.Web.Answering;

/// <summary>
/// Questions in, articles out: every answer the web product shows is kept in the library, each audience variant of
/// a question under its own id, all variants under the question's slug.
/// </summary>
public sealed class AnswerService(AnswerEngine engine, IArticleStore articles, IConversationStore conversations, Snapshots snapshots, ComposeBudget budget)
{
    /// <summary>Answers a new question and keeps it.</summary>
    /// <exception cref="ArgumentException">The question is empty or too long.</exception>
    public async Task<Article> AskAsync(string question, Audience audience, CancellationToken cancellationToken)
    {
        if (QuestionRules.Validate(question) is null && await articles.GetAsync(AnswerComposer.AnswerId(question, audience), cancellationToken) is { } kept)
        {
            return kept;
        }

        return await KeepAsync(await engine.AskAsync(new QuestionInput(question, audience), cancellationToken), cancellationToken);
    }

    /// <summary>Composes the question of <paramref name="article"/> again with the current index and settings (for comparison; not kept).</summary>
    public Task<Answer> RecomposeAsync(Article article, CancellationToken cancellationToken) =>
        engine.AskAsync(new QuestionInput(article.Answer.SearchedAs ?? article.Answer.Question, article.Answer.Audience), cancellationToken);

    private async Task<Article> KeepAsync(Answer answer, CancellationToken cancellationToken) =>
        await articles.SaveAsync(answer, await snapshots.CreateAsync(answer, cancellationToken), cancellationToken);

    /// <summary>
    /// Answers a follow-up to <paramref name="parent"/> in its thread: the given thread when it exists, otherwise a new
    /// one that starts with the parent's question, so a follow-up from any article keeps its context.
    /// </summary>
    /// <exception cref="ArgumentException">The question is empty or too long.</exception>
    public async Task<Article> FollowUpAsync(Article parent, string question, Audience audience, string? threadId, CancellationToken cancellationToken)
    {
        if (QuestionRules.Validate(question) is { } error)
        {
            throw new ArgumentException(error, nameof(question));
        }

        var turns = threadId is null ? [] : await conversations.GetTurnsAsync(threadId, cancellationToken);
        if (turns.Count == 0)
        {
            threadId = NewThreadId();
            var first = parent.Answer;
            await conversations.AppendAsync(
                new ConversationTurn(threadId, 1, first.Question, first.SearchedAs ?? first.Question,
                    Enum.TryParse<QuestionType>(first.QuestionType, out var type) ? type : QuestionType.Other, first.Focus, first.Id),
                cancellationToken);
        }

        var answer = await engine.AskAsync(new QuestionInput(question, audience) { ConversationId = threadId }, cancellationToken);
        var article = await KeepAsync(answer, cancellationToken);
        // The same question asked in another thread is the same article; this reply continues this thread.
        return article with { Answer = article.Answer with { ConversationId = threadId } };
    }

    /// <summary>
    /// The article at <paramref name="key"/> (an answer id, or a slug): for a slug, the variant for
    /// <paramref name="audience"/>, composed and kept when the question has none yet.
    /// </summary>
    public async Task<Article?> FindAsync(string key, Audience? audience, CancellationToken cancellationToken)
    {
        if (await articles.GetAsync(key, cancellationToken) is { } exact)
        {
            return exact;
        }

        var variants = await articles.GetBySlugAsync(key, cancellationToken);
        if (variants.Count == 0)
        {
            return null;
        }

        return audience is null ? variants[0] : await VariantAsync(variants[0], audience.Value, cancellationToken);
    }

    /// <summary>The same question for another audience: the same evidence rules, other sources first and other wording.</summary>
    /// <exception cref="ComposeLimitException">The variant is missing and the client's <see cref="ComposeBudget"/> is spent.</exception>
    public async Task<Article> VariantAsync(Article article, Audience audience, CancellationToken cancellationToken)
    {
        if (article.Answer.Audience == audience)
        {
            return article;
        }

        // A follow-up is asked again as it was searched in its thread, so the variant answers the same question.
        var asked = article.Answer.SearchedAs ?? article.Answer.Question;
        if (await articles.GetAsync(AnswerComposer.AnswerId(asked, audience), cancellationToken) is { } existing)
        {
            return existing;
        }

        budget.Take();
        var answer = await engine.AskAsync(new QuestionInput(asked, audience), cancellationToken);
        answer = answer with { Question = article.Answer.Question, SearchedAs = article.Answer.SearchedAs, ConversationId = article.Answer.ConversationId };
        return await KeepAsync(answer, cancellationToken);
    }

    /// <summary>The questions and answers of a thread in order (answers missing from the library are skipped).</summary>
    public async Task<IReadOnlyList<(ConversationTurn Turn, Article Article)>> ThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        var thread = new List<(ConversationTurn, Article)>();
        foreach (var turn in await conversations.GetTurnsAsync(threadId, cancellationToken))
        {
            if (await articles.GetAsync(turn.AnswerId, cancellationToken) is { } article)
            {
                thread.Add((turn, article));
            }
        }

        return thread;
    }

    // Unguessable: a thread is reachable only by those given its link.
    private static string NewThreadId() => "t-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
