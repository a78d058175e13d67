using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Semantics;
using Evidentia.Semantics.Emergencies;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Semantics;

public class EmergencyClassifierTests
{
    [Fact]
    public void Should_Ship_A_Model_Trained_For_The_Default_Encoder()
    {
        var model = EmergencyModel.Bundled();

        Assert.NotNull(model);
        Assert.Equal(Encoders.Default.Model, model.Encoder);
        Assert.Equal(20, model.Categories.Count);
        Assert.NotNull(Encoders.Emergencies);
    }

    // The shipped model is the one trained from the shipped set: a model trained elsewhere, or on another encoder's
    // vectors, would not reproduce its training labels.
    [Fact]
    public void Should_Reproduce_Its_Training_Labels()
    {
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Semantics", "emergency-training.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Text: e.GetProperty("text").GetString()!, Emergency: e.GetProperty("emergency").GetBoolean()))
            .ToList();

        var wrong = rows.Where(r => (Encoders.Emergencies!.Detect(r.Text) is not null) != r.Emergency).Select(r => r.Text).ToList();

        Assert.True(wrong.Count <= rows.Count / 50, string.Join("\n", wrong));
    }

    // Phrasings in neither the training set nor the dev set, that no red-flag rule matches.
    [Theory]
    [InlineData("Our son swallowed a coin cell battery twenty minutes ago")]
    [InlineData("my baby is 4 weeks old and running a temperature of 38.6")]
    [InlineData("I'm 9 weeks pregnant and have sudden sharp pain low on my left side, and my shoulder tip hurts")]
    public void Should_Flag_Emergencies_No_Rule_Matches(string question)
    {
        Assert.Null(Core.Questions.QuestionAnalyzer.Emergency(question));
        Assert.NotNull(Encoders.Emergencies!.Detect(question));
    }

    [Theory]
    [InlineData("How are swallowed coin batteries removed in children?")]
    [InlineData("What temperature counts as a fever in a baby?")]
    [InlineData("How common is bleeding in early pregnancy?")]
    public void Should_Not_Flag_The_Same_Topics_Asked_In_General(string question) =>
        Assert.Null(Encoders.Emergencies!.Detect(question));

    [Fact]
    public async Task Should_Give_The_Urgent_Care_Message_For_An_Emergency_Only_The_Classifier_Catches()
    {
        // An invented placeholder page: the engine needs something to search, not evidence.
        await using var test = await TestWorkspace.IndexedAsync(
            [Document.Create(new DocumentKey("site", "p"), "Placeholder page", [new SourceSection("Placeholder", "A made-up fixture sentence about batteries.")])]);

        var answer = await test.Workspace.CreateAnswerEngine().AskAsync("Our son swallowed a coin cell battery twenty minutes ago", Audience.Patient, null, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Emergency, answer.Outcome);
        Assert.Contains("poisoning", answer.Reason);
    }
}
