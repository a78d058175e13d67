using Evidentia.Core.Answers;
using Evidentia.Search;
using Evidentia.Search.Retrieval;
using Evidentia.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Evidentia.Web.Answering;

/// <summary>
/// Example questions for the home page that this corpus can actually answer: questions of citable documents,
/// spread over question types, each asked once (not kept) and offered only when it was answered.
/// </summary>
public sealed class ExampleQuestions(DocumentSearcher searcher, AnswerEngine engine, IOptions<WebOptions> options)
{
    private readonly Lazy<Task<IReadOnlyList<string>>> _examples = new(() => FindAsync(searcher, engine, options.Value.ExampleQuestions));

    public Task<IReadOnlyList<string>> GetAsync() => _examples.Value;

    private static async Task<IReadOnlyList<string>> FindAsync(DocumentSearcher searcher, AnswerEngine engine, int count)
    {
        var examples = new List<string>();
        foreach (var candidate in searcher.SampleQuestions(count * 4))
        {
            if (examples.Count == count)
            {
                break;
            }

            var question = candidate.Question.Replace(" ?", "?", StringComparison.Ordinal).Trim();
            if (QuestionRules.Validate(question) is null
                && (await engine.AskAsync(question, Audience.Physician, null, CancellationToken.None)).Outcome == AnswerOutcome.Answered)
            {
                examples.Add(question);
            }
        }

        return examples;
    }
}
