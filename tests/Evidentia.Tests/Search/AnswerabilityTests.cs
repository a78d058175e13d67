using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Search;
using Evidentia.Search.Retrieval;

namespace Evidentia.Tests.Search;

/// <summary>The learned answerability model: the probability it gives is the relevance shown, and below its threshold the question is declined.</summary>
public sealed class AnswerabilityTests
{
    // A made-up model: only how near the nearest document is in meaning counts.
    private static readonly Answerability Model = new([0, 0.5], [1, 0.1], [0, 3], 0, Threshold: 0.5, RelevanceFloor: 0);

    private static Answer Answered() => new()
    {
        Id = "a",
        Outcome = AnswerOutcome.Answered,
        Question = "Made-up question?",
        Audience = Audience.Physician,
        Relevance = 1.0,
        BottomLine = [new AnswerItem("Made-up sentence.", [1], [new Quote(1, "d", "c", 0, 5, "Made-")])],
        References = [new Reference(1, "d", "c", "Made-up", null, 2026, EvidenceLevel.Research, null)],
    };

    private static IReadOnlyList<SearchHit> Hits(params float[] meanings) =>
        meanings.Select((m, i) => new SearchHit(new DocumentKey("c", $"d{i}"), "Made-up", 0.9f) { Meaning = m }).ToList();

    [Fact]
    public void Off_Topic_Evidence_Should_Be_Declined_And_Never_Shown_As_Relevance_One()
    {
        var answer = Model.Apply(Answered(), Hits(0.2f, 0.3f));

        Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
        Assert.True(answer.Relevance < 0.5);
        Assert.Empty(answer.BottomLine);
        Assert.Empty(answer.References);
        Assert.Contains("unlikely to answer", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_Near_The_Question_Should_Answer_With_Its_Probability_As_Relevance()
    {
        // The nearest of the first five counts, wherever it is among them; the sixth does not.
        var near = Model.Apply(Answered(), Hits(0.2f, 0.2f, 0.2f, 0.2f, 0.8f));
        var sixth = Model.Apply(Answered(), Hits(0.2f, 0.2f, 0.2f, 0.2f, 0.2f, 0.9f));

        Assert.Equal(AnswerOutcome.Answered, near.Outcome);
        Assert.Equal(Math.Round(1 / (1 + Math.Exp(-9.0)), 4), near.Relevance);
        Assert.Equal(AnswerOutcome.InsufficientEvidence, sixth.Outcome);
    }

    [Fact]
    public void An_Emergency_Should_Be_Left_As_It_Is()
    {
        var emergency = Answered() with { Outcome = AnswerOutcome.Emergency };

        Assert.Same(emergency, Model.Apply(emergency, Hits(0f)));
    }

    [Fact]
    public void The_Shipped_Models_Should_Load_With_Their_Two_Signals()
    {
        foreach (var shipped in new[] { AnswerabilityModels.Shipped.Questions, AnswerabilityModels.Shipped.Guidelines })
        {
            Assert.NotNull(shipped);
            Assert.Equal(2, shipped.Weights.Length);
            Assert.InRange(shipped.Threshold, 0.05, 0.95);
        }
    }

    [Fact]
    public void The_Model_Should_Be_The_One_Of_The_Best_Documents_Kind()
    {
        var guidelines = Model with { Threshold = 0.7 };
        var models = new AnswerabilityModels(Model, guidelines);
        Document Made(EvidenceLevel level, params (string Name, string Value)[] fields) =>
            Document.Create(new DocumentKey("c", "d"), "Made-up", [new SourceSection("", "Made-up text.")], evidenceLevel: level,
                fields: fields.ToDictionary(f => f.Name, f => (IReadOnlyList<string>)[f.Value]));

        Assert.Same(Model, models.For(Made(EvidenceLevel.PatientInformation, (DocumentFields.Question, "Made-up question?"))));
        Assert.Same(guidelines, models.For(Made(EvidenceLevel.Guideline)));
        Assert.Null(models.For(Made(EvidenceLevel.Research)));
    }

    [Fact]
    public void The_Model_Should_Read_Back_What_It_Writes()
    {
        var read = Answerability.Read(Model.ToJson());

        Assert.Equal(Model.Weights, read.Weights);
        Assert.Equal((Model.Threshold, Model.RelevanceFloor, Model.Bias), (read.Threshold, read.RelevanceFloor, read.Bias));
    }
}
