using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Search;

// Invented names ("blorposis", "high quindle pressure"): these documents test the mechanics, they are not evidence.
public class PreferredNameTests
{
    private static Document Page(string id, string title, string text, params string[] synonyms) =>
        Document.Create(new DocumentKey("site", id), title, [new SourceSection("How is " + title + " treated?", text)], evidenceLevel: EvidenceLevel.PatientInformation,
            fields: new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Synonyms] = synonyms });

    private static readonly Document[] Documents =
    [
        Page("hqp", "High Quindle Pressure", "High quindle pressure is treated with made-up fixture changes and fixture pills.", "Blorposis", "HQP"),
        Page("hqp2", "High quindle pressure", "People with high quindle pressure take fixture pills every day in this made-up page.", "blorposis"),
        Page("pqp", "Pulmonary blorposis", "Pulmonary blorposis is treated with a made-up fixture pump in this placeholder page."),
        Page("zorb", "Zorbelitis", "Zorbelitis is treated with a fixture rest in this placeholder page.", "Zorb syndrome"),
        Page("zorb2", "Zorb syndrome", "Zorb syndrome is treated with fixture rest and fixture pills in this placeholder page."),
        Page("amb1", "Quindle palsy", "Quindle palsy is treated with a made-up fixture splint.", "QP"),
        Page("amb2", "Quindle pox", "Quindle pox is treated with a made-up fixture cream.", "QP"),
        Page("qf2", "Quindle Fever Type 2", "Quindle fever type 2 is treated with a made-up fixture tea.", "Type 2 quindle fever"),
        Page("zs", "Zorbel Sclerosis", "Zorbel sclerosis is treated with a made-up fixture brace.", "ZS"),
    ];

    [Theory]
    [InlineData("blorposis", "High Quindle Pressure")]
    [InlineData("  BLORPOSIS ", "High Quindle Pressure")]
    [InlineData("zorb syndrome", null)]
    [InlineData("qp", null)]
    [InlineData("pulmonary blorposis", null)]
    [InlineData("type 2 quindle fever", null)]
    [InlineData("ZS", "Zorbel Sclerosis")]
    [InlineData("zs", null)]
    public async Task Should_Give_The_Sources_Name_Only_For_An_Other_Name_Of_One_Title(string phrase, string? expected)
    {
        await using var test = await TestWorkspace.IndexedAsync(Documents);

        // "zorb syndrome" is a page's own title too; "QP" names two different pages; "Quindle Fever Type 2" is the same words;
        // two letters name something only in capitals.
        Assert.Equal(expected, test.Workspace.Searcher.PreferredName(phrase));
    }

    [Fact]
    public async Task Should_Search_A_Question_By_The_Name_Its_Sources_Use()
    {
        await using var test = await TestWorkspace.IndexedAsync(Documents);

        var answer = await test.Workspace.CreateAnswerEngine().AskAsync("How is blorposis treated?", Audience.Physician, null, CancellationToken.None);

        Assert.Equal("How is High Quindle Pressure treated?", answer.SearchedAs);
        // Kept under the question as asked, where the library looks for it.
        Assert.Equal(AnswerComposer.AnswerId("How is blorposis treated?", Audience.Physician), answer.Id);
        Assert.Equal("High Quindle Pressure", answer.Focus);
        Assert.Contains(answer.References, r => r.DocumentId == "hqp");
        Assert.DoesNotContain(answer.References, r => r.DocumentId == "pqp");
    }

    [Fact]
    public async Task Documents_Left_Out_Should_Not_Be_Evidence()
    {
        await using var test = await TestWorkspace.IndexedAsync(Documents);
        var engine = test.Workspace.CreateAnswerEngine();
        var question = new QuestionInput("How is zorbelitis treated?", Audience.Physician);

        var whole = await engine.AskAsync(question, CancellationToken.None);
        var without = await engine.AskAsync(question with { Excluding = new HashSet<DocumentKey> { new("site", "zorb") } }, CancellationToken.None);

        Assert.Contains(whole.References, r => r.DocumentId == "zorb");
        Assert.DoesNotContain(without.References, r => r.DocumentId == "zorb");
    }
}
