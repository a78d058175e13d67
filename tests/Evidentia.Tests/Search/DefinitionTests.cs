using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Search;

// Invented words ("zorbelitis", "quindle"): these documents test the mechanics, they are not evidence.
public class DefinitionTests
{
    private static Document Overview(string title, string text) =>
        Document.Create(new DocumentKey("site", title), title, [new SourceSection("What is " + title + "?", text)], evidenceLevel: EvidenceLevel.PatientInformation,
            fields: new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.QuestionType] = ["information"] });

    [Fact]
    public async Task Should_Explain_Only_Technical_Terms_With_The_Sentence_That_Says_What_They_Are()
    {
        // 120 pages use "quindle"; two name "zorbelitis", the rare, technical word.
        Document[] documents =
        [
            .. Enumerable.Range(1, 120).Select(i => Document.Create(new DocumentKey("site", $"page-{i}"), $"Page {i}",
                [new SourceSection("", $"Placeholder page number {i} says something about a quindle.")], evidenceLevel: EvidenceLevel.PatientInformation)),
            Document.Create(new DocumentKey("site", "answer"), "Blorp treatment", [new SourceSection("How is blorp treated?",
                "Blorp is treated by resting the quindle, and a resting quindle can lead to zorbelitis in the made-up fixture.")], evidenceLevel: EvidenceLevel.PatientInformation),
            Overview("Zorbelitis", "If you feel odd, you might have zorbelitis. Zorbelitis is a made-up swelling of the fixture's quindle."),
            Overview("Quindle", "A quindle is a made-up part of every fixture."),
        ];
        await using var test = await TestWorkspace.IndexedAsync(documents);

        var answer = await test.Workspace.CreateAnswerEngine().AskAsync("How is blorp treated?", Audience.Patient, null, CancellationToken.None);

        var terms = Assert.Single(answer.Sections, s => s.Heading == SectionPlans.DefinitionsHeading);
        Assert.Equal(["Zorbelitis is a made-up swelling of the fixture's quindle."], terms.Items.Select(i => i.Text));
    }
}
