using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Search;

// Invented words ("zorbel"): these documents test the mechanics, they are not evidence.
public class TemplateTests
{
    private const string Template = "The table below lists placeholder features reported for this condition in one study.";

    // Thirty pages of one site that open with their own sentence and repeat the site's instructions word for word.
    private static Document[] Site(string collection, int pages) =>
    [
        .. Enumerable.Range(1, pages).Select(i => Document.Create(
            new DocumentKey(collection, $"zorbel-{i}"),
            $"Zorbel variant {i}",
            [new SourceSection("Features", $"Zorbel variant {i} is placeholder condition number {i} with placeholder features of its own kind. {Template}")])),
    ];

    [Fact]
    public async Task Should_Find_The_Sentences_A_Collection_Repeats_Word_For_Word_Across_Many_Documents()
    {
        // The same sentence in 30 pages of one collection is its template; in 5 pages of another it is not (too few to tell).
        var documents = Site("site", 30).Concat(Site("small", 5)).ToList();
        await using var test = await TestWorkspace.IndexedAsync(documents);

        var templates = test.Workspace.Searcher.Templates(documents);

        var found = templates.Select(t => (t.Document, Text: documents.Single(d => d.Key == t.Document).Quote(t.Passage.Span))).ToList();
        Assert.Equal(30, found.Count);
        Assert.All(found, f => Assert.Equal("site", f.Document.Collection));
        Assert.All(found, f => Assert.Equal(Template, f.Text));
    }

    [Fact]
    public async Task Should_Not_Quote_A_Template_Even_When_It_Covers_The_Question()
    {
        await using var test = await TestWorkspace.IndexedAsync(Site("site", 30));

        var answer = await test.Workspace.CreateAnswerEngine().AskAsync("Which features are reported for zorbel variant 3 in the table?", Audience.Physician, null, CancellationToken.None);

        var quoted = answer.BottomLine.Concat(answer.Sections.SelectMany(s => s.Items)).Select(i => i.Text).ToList();
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Contains(quoted, q => q.StartsWith("Zorbel variant 3 is", StringComparison.Ordinal));
        Assert.DoesNotContain(Template, quoted);
    }
}
