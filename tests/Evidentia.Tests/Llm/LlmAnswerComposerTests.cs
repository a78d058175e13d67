using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Core.Questions;
using Evidentia.Llm;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Llm;

/// <summary>The LLM composer against a scripted OpenAI-compatible server on loopback (made-up test sentences, not evidence).</summary>
public sealed class LlmAnswerComposerTests : IDisposable
{
    private readonly ScriptedChatServer _server = new();

    public void Dispose() => _server.Dispose();

    private static readonly Document Evidence = Document.Create(
        new DocumentKey("test", "ev"), "Made-up condition",
        [new SourceSection("", "Made-up condition Q is treated with rest and fluids for 7 days. Made-up drug R is reserved for people whose symptoms last longer.")],
        evidenceLevel: EvidenceLevel.Guideline, year: 2021);

    private LlmAnswerComposer Composer() => LlmComposerFactory.Create(
        new LlmOptions { Endpoint = _server.Endpoint, Model = "test-model", ApiKey = "test" }, new AnswerComposer(new ComposerOptions()));

    private static Task<Answer> ComposeAsync(LlmAnswerComposer composer)
    {
        const string question = "How is made-up condition Q treated?";
        var candidates = Evidence.Passages.Select((p, i) => new ScoredPassage(Evidence, p, 1 - (i * 0.1), 0.9)).ToList();
        return composer.ComposeAsync(new AnswerRequest(question, Audience.Physician, QuestionAnalyzer.Analyze(question)), candidates, [], CancellationToken.None);
    }

    [Fact]
    public async Task Should_Keep_Supported_Sentences_And_Drop_Uncited_And_Unsupported_Ones()
    {
        _server.Reply(JsonSerializer.Serialize(new
        {
            bottomLine = new[] { new { text = "Made-up condition Q is treated with rest and fluids for 7 days.", citations = new[] { 1 } } },
            sections = new[]
            {
                new
                {
                    heading = "Second-line treatment and escalation",
                    items = new[]
                    {
                        new { text = "Made-up drug R is reserved for people whose symptoms last longer.", citations = new[] { 2 } },
                        new { text = "Made-up drug R cures 95% of people within 2 days.", citations = new[] { 2 } },
                        new { text = "Everyone with made-up condition Q should see a specialist.", citations = Array.Empty<int>() },
                        new { text = "Made-up condition Q is treated with rest.", citations = new[] { 99 } },
                    },
                },
            },
        }));

        var answer = await ComposeAsync(Composer());

        Assert.Equal("llm", answer.Composer);
        Assert.Equal(new ClaimVerification(5, 2, 2, 1), answer.Verification! with { Dropped = [] });
        Assert.Contains(answer.Verification!.Dropped, d => d.StartsWith("unsupported: Made-up drug R cures", StringComparison.Ordinal));
        var kept = Assert.Single(Assert.Single(answer.Sections).Items);
        var quote = Assert.Single(kept.Quotes);
        Assert.Equal(Evidence.Text[quote.Start..quote.End], quote.Text);
        Assert.Equal("ev", Assert.Single(answer.References).DocumentId);
        Assert.Contains("rest and fluids for 7 days", Assert.Single(_server.Requests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Give_The_Model_Only_Sentences_The_Extractive_Composer_Could_Quote()
    {
        _server.Reply("""{"bottomLine": [{"text": "Made-up condition Q is treated with rest and fluids for 7 days.", "citations": [1]}], "sections": []}""");
        var cut = Document.Create(new DocumentKey("test", "cut"), "Excerpt", [new SourceSection("", "n addition, made-up condition Q was treated with rest and fluids in this made-up excerpt.")]);
        const string question = "How is made-up condition Q treated?";
        var candidates = new[] { Evidence, cut }.SelectMany(d => d.Passages.Select(p => new ScoredPassage(d, p, 1, 0.9))).ToList();

        await Composer().ComposeAsync(new AnswerRequest(question, Audience.Physician, QuestionAnalyzer.Analyze(question)), candidates, [], CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Contains("rest and fluids for 7 days", request, StringComparison.Ordinal);
        Assert.DoesNotContain("made-up excerpt", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Decline_When_No_Generated_Sentence_Is_Supported()
    {
        _server.Reply("""{"bottomLine": [{"text": "Made-up drug S is the best treatment for everyone.", "citations": [1]}], "sections": []}""");
        var answer = await ComposeAsync(Composer());
        Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
        Assert.Empty(answer.References);
        Assert.Equal(1, answer.Verification!.DroppedUnsupported);
    }

    [Fact]
    public async Task Should_Fall_Back_To_The_Extractive_Answer_When_The_Model_Fails()
    {
        _server.Fail(400);
        var answer = await ComposeAsync(Composer());
        Assert.Equal("extractive", answer.Composer);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Contains("could not be reached", answer.Verification!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Fall_Back_To_The_Extractive_Answer_When_The_Reply_Is_Not_Json()
    {
        _server.Reply("Sure! Here is an answer without any structure.");
        var answer = await ComposeAsync(Composer());
        Assert.Equal("extractive", answer.Composer);
        Assert.Contains("not the JSON", answer.Verification!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Missing_Setting()
    {
        var e = Assert.Throws<ArgumentException>(() => LlmComposerFactory.Create(new LlmOptions { Model = "m" }, new AnswerComposer(new ComposerOptions())));
        Assert.Contains("EVIDENTIA_Llm__Endpoint", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Made-up condition Q is treated with rest and fluids for 7 days.", true)]
    [InlineData("Rest and fluids treat made-up condition Q for 7 days.", true)]
    [InlineData("Made-up condition Q is treated with rest and fluids for 10 days.", false)]
    [InlineData("Made-up condition Q is treated with antibiotics and surgery.", false)]
    public void The_Verifier_Should_Accept_Paraphrases_But_Not_New_Claims(string sentence, bool supported) =>
        Assert.Equal(supported, ClaimVerifier.Supports(sentence, [Evidence.Text]));
}
