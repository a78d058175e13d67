using Evidentia.Core.Answers;
using Evidentia.Core.Documents;

namespace Evidentia.Tests.Answers;

public class AnswerComposerTests
{
    private static readonly AnswerComposer Composer = new(new ComposerOptions());

    private static Document Doc(string id, string text, EvidenceLevel level = EvidenceLevel.Research) =>
        Document.Create(new DocumentKey("test", id), "Title " + id, [new SourceSection("", text)], evidenceLevel: level, year: 2020);

    private static IEnumerable<ScoredPassage> All(Document d, double score, double relevance) =>
        d.Passages.Select((p, i) => new ScoredPassage(d, p, score - (i * 0.01), relevance));

    public class Compose
    {
        [Fact]
        public void Should_Return_InsufficientEvidence_When_Nothing_Matches()
        {
            var answer = Composer.Compose("Anything?", Audience.Physician, []);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
            Assert.StartsWith("Nothing found", answer.Reason, StringComparison.Ordinal);
            Assert.Empty(answer.References);
        }

        [Fact]
        public void Should_Return_InsufficientEvidence_When_The_Best_Evidence_Is_Below_Threshold()
        {
            var answer = Composer.Compose("Q?", Audience.Physician, [.. All(Doc("1", "This demonstration sentence has enough words to count."), 1, 0.1)]);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
            Assert.StartsWith("Below threshold", answer.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Cite_Every_Sentence_With_Its_Exact_Quote_And_Number_References_By_First_Use()
        {
            var a = Doc("a", "Alpha statement number one is here. Alpha statement number two is here.");
            var b = Doc("b", "Beta statement with quite different words in it.");
            var answer = Composer.Compose("Q?", Audience.Patient, [.. All(b, 0.9, 0.8), .. All(a, 1.0, 0.8)]);

            Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
            Assert.Equal(["a", "b"], answer.References.Select(r => r.DocumentId));
            Assert.Equal([1, 2], answer.References.Select(r => r.N));
            foreach (var item in answer.AllItems)
            {
                var quote = Assert.Single(item.Quotes);
                var source = quote.DocumentId == "a" ? a : b;
                Assert.Equal(source.Text[quote.Start..quote.End], quote.Text);
                Assert.Equal(item.Text, quote.Text);
                Assert.Equal([quote.N], item.Citations);
            }
        }

        [Fact]
        public void Should_State_A_Repeated_Sentence_Once_Citing_Every_Source()
        {
            var a = Doc("a", "Treatment focuses on the specific symptoms present in each person.");
            var b = Doc("b", "Treatment focuses on the specific symptoms present in each person!");
            var answer = Composer.Compose("Q?", Audience.Physician, [.. All(a, 1, 0.9), .. All(b, 0.9, 0.9)]);

            var item = Assert.Single(answer.AllItems);
            Assert.Equal([1, 2], item.Citations);
            Assert.Equal(["a", "b"], item.Quotes.Select(q => q.DocumentId));
        }

        [Fact]
        public void Should_Never_Cite_Question_Only_Entries_Or_Fragments()
        {
            var questionOnly = Document.Create(new DocumentKey("medquad", "q"), "T", [new SourceSection("", "A question-only entry has no citable text at all.")], citable: false);
            var fragment = Doc("f", "Too short.");
            var answer = Composer.Compose("Q?", Audience.Physician, [.. All(questionOnly, 1, 1), .. All(fragment, 1, 1)]);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
        }

        [Fact]
        public void Should_Give_The_Same_Question_The_Same_Id() =>
            Assert.Equal(AnswerComposer.AnswerId("What  is gout?", Audience.Patient), AnswerComposer.AnswerId("what is gout?", Audience.Patient));
    }
}
