using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Search;

public class IndexSynchronizerTests
{
    private static Document Doc(string id, string title, string text, string collection = "c") =>
        Document.Create(new DocumentKey(collection, id), title, [new SourceSection("", text)]);

    [Fact]
    public async Task Should_Index_What_The_Store_Holds_And_Replace_Changed_Documents()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var w = test.Workspace;
        await w.Store.UpsertAsync([Doc("1", "Ferritin", "Ferritin reflects iron stores."), Doc("2", "Sodium", "Hyponatraemia is common.")], CancellationToken.None);
        Assert.Equal(2, await w.SyncIndexAsync(rebuild: false, null, CancellationToken.None));
        Assert.Equal("1", Assert.Single(w.Searcher.Search("ferritin", 10)).Key.Id);

        await w.Store.UpsertAsync([Doc("1", "Ferritin", "Transferrin saturation is another marker.")], CancellationToken.None);
        Assert.Equal(1, await w.SyncIndexAsync(rebuild: false, null, CancellationToken.None));

        Assert.Empty(w.Searcher.Search("iron stores", 10));
        Assert.Equal("1", Assert.Single(w.Searcher.Search("transferrin", 10)).Key.Id);
        Assert.Equal(2, w.Index.Count);
        Assert.Equal(await w.Store.GetLastSequenceAsync(CancellationToken.None), w.Index.CommittedSequence);
    }

    [Fact]
    public async Task Should_Do_Nothing_When_The_Index_Is_Current()
    {
        await using var test = await TestWorkspace.CreateAsync();
        await test.Workspace.Store.UpsertAsync([Doc("1", "T", "Some text.")], CancellationToken.None);
        await test.Workspace.SyncIndexAsync(false, null, CancellationToken.None);
        Assert.Equal(0, await test.Workspace.SyncIndexAsync(false, null, CancellationToken.None));
    }

    [Fact]
    public async Task Should_Rebuild_The_Same_Index_From_The_Store()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var w = test.Workspace;
        await w.Store.UpsertAsync([Doc("1", "Alpha", "Alpha text."), Doc("2", "Beta", "Beta text.")], CancellationToken.None);
        await w.SyncIndexAsync(false, null, CancellationToken.None);
        var before = w.Searcher.Search("text", 10).Select(h => h.Key).ToList();

        Assert.Equal(2, await w.SyncIndexAsync(rebuild: true, null, CancellationToken.None));
        Assert.Equal(before, w.Searcher.Search("text", 10).Select(h => h.Key).ToList());
        Assert.Equal(2, w.Index.Count);
    }

    [Fact]
    public async Task Should_Resume_From_The_Committed_Sequence_After_Reopening()
    {
        using var folder = new TempFolder();
        var data = new Evidentia.Core.DataFolder(folder.Combine("data"));
        await using (var w = await Evidentia.Cli.Workspace.OpenAsync(data, CancellationToken.None))
        {
            await w.Store.UpsertAsync([Doc("1", "Alpha", "Alpha text.")], CancellationToken.None);
            await w.SyncIndexAsync(false, null, CancellationToken.None);
            await w.Store.UpsertAsync([Doc("2", "Beta", "Beta text.")], CancellationToken.None);
        }

        await using var reopened = await Evidentia.Cli.Workspace.OpenAsync(data, CancellationToken.None);
        Assert.Equal(1, reopened.Index.CommittedSequence);
        Assert.Equal(1, await reopened.SyncIndexAsync(false, null, CancellationToken.None));
        Assert.Equal(2, reopened.Index.Count);
    }

    [Fact]
    public async Task Should_Report_Applying_To_Its_End_And_Only_The_Changes_After_An_Update()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var w = test.Workspace;
        await w.Store.UpsertAsync(Enumerable.Range(0, 50).Select(i => Doc($"{i}", $"Note {i}", $"Body {i}.")).ToList(), CancellationToken.None);
        var reports = new List<(long Done, long Total)>();
        await w.SyncIndexAsync(rebuild: false, new Core.SynchronousProgress<(long Done, long Total)>(reports.Add), CancellationToken.None);

        Assert.NotEmpty(reports);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Done <= p.Second.Done), "progress went backwards");
        Assert.Equal((50, 50), reports[^1]);

        reports.Clear();
        await w.Store.UpsertAsync([Doc("new", "Note", "Body.")], CancellationToken.None);
        await w.SyncIndexAsync(rebuild: false, new Core.SynchronousProgress<(long Done, long Total)>(reports.Add), CancellationToken.None);
        Assert.Equal((1, 1), Assert.Single(reports));
    }

    [Fact]
    public async Task Should_Filter_By_Collection_And_Never_Return_Question_Only_Entries()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var w = test.Workspace;
        var questionOnly = Document.Create(new DocumentKey("medquad", "q"), "Gout", [], citable: false,
            fields: new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Question] = ["What is gout?"] });
        await w.Store.UpsertAsync([Doc("1", "Gout", "Gout is arthritis.", "a"), Doc("2", "Gout", "Gout and urate.", "b"), questionOnly], CancellationToken.None);
        await w.SyncIndexAsync(false, null, CancellationToken.None);

        Assert.Equal(2, w.Searcher.Search("gout", 10).Count);
        Assert.Equal("b", Assert.Single(w.Searcher.Search("gout", 10, "b")).Key.Collection);
    }

    [Fact]
    public void Should_Treat_Query_Syntax_As_Plain_Words()
    {
        using var analyzer = Analyzers.CreateQuestionAnalyzer();
        Assert.Equal(["gout", "urat"], QueryTerms.Analyze(analyzer, "What is gout?) AND urate* \"").Select(t => t.Term));
    }

    [Fact]
    public async Task Should_Find_A_Misspelt_Word_But_Not_Invent_Matches()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var w = test.Workspace;
        await w.Store.UpsertAsync([Doc("1", "Tablets", "Each tablet contains lactose."), Doc("2", "Capsules", "Each capsule contains gelatin.")], CancellationToken.None);
        await w.SyncIndexAsync(false, null, CancellationToken.None);

        Assert.Equal("1", Assert.Single(w.Searcher.Search("tabkets", 10)).Key.Id);
        Assert.Empty(w.Searcher.Search("zzzzzzzz", 10));
    }
}
