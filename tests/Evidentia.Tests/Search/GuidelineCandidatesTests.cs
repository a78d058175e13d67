using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Search;

/// <summary>Guidelines among the answer's documents, on made-up documents (fixtures, not clinical evidence).</summary>
public class GuidelineCandidatesTests
{
    private static Document Page(int i) => Document.Create(
        new DocumentKey("pages", $"p{i}"), $"Vorpelix page {i}",
        [new SourceSection("", $"Vorpelix is treated with quandrex in fixture page number {i} of this made-up set. Vorpelix treated with quandrex again here.")],
        evidenceLevel: EvidenceLevel.PatientInformation);

    [Fact]
    public async Task Should_Search_A_Guideline_The_Best_Documents_Overall_Leave_Out()
    {
        var guideline = Document.Create(
            new DocumentKey("guidelines", "g1"), "Management of a made-up condition",
            [new SourceSection("Treatment", "Offer brimlax to adults whose vorpelix has not responded to quandrex (Level B).")],
            evidenceLevel: EvidenceLevel.Guideline, year: 2015);
        await using var test = await TestWorkspace.IndexedAsync([.. Enumerable.Range(0, 30).Select(Page), guideline]);

        var overall = test.Workspace.Searcher.Search("How is vorpelix treated with quandrex?", test.Workspace.SearchOptions.AnswerDocuments);
        var answer = await test.Workspace.CreateAnswerEngine().AskAsync("How is vorpelix treated with quandrex?", Audience.Physician, null, CancellationToken.None);

        Assert.DoesNotContain(overall, h => h.Key == guideline.Key);
        Assert.Equal([guideline.Key], test.Workspace.Searcher.Search("vorpelix quandrex", 5, level: EvidenceLevel.Guideline).Select(h => h.Key));
        Assert.Contains(answer.References, r => r.DocumentId == "g1");
    }
}
