using Evidentia.Core.Documents;

namespace Evidentia.Tests.Documents;

public class DocumentTests
{
    public class Create
    {
        [Fact]
        public void Should_Join_Sections_And_Keep_Passages_As_Exact_Spans()
        {
            var document = Document.Create(
                new DocumentKey("c", "d1"), "Title",
                [new SourceSection("Background", "  First   sentence here.\n\n Second one. "), new SourceSection("", ""), new SourceSection("Results", "Third one.")]);

            Assert.Equal("First sentence here.\n\nSecond one.\n\nThird one.", document.Text);
            Assert.Equal(["Background", "Results"], document.Sections.Select(s => s.Heading));
            Assert.Equal(["First sentence here.", "Second one.", "Third one."], document.Passages.Select(p => document.Quote(p.Span)));
            Assert.Equal([0, 0, 1], document.Passages.Select(p => p.Section));
        }

        [Fact]
        public void Should_Split_Items_Run_Into_The_Next_Sentence_On_Patient_Pages_Only()
        {
            const string text = "Take made-up fixtures with a glass of waterFixtures work best at night.";
            Document Of(EvidenceLevel level) => Document.Create(new DocumentKey("c", "d"), "T", [new SourceSection("", text)], evidenceLevel: level);

            var page = Of(EvidenceLevel.PatientInformation);
            var paper = Of(EvidenceLevel.Research);

            Assert.Equal(["Take made-up fixtures with a glass of water", "Fixtures work best at night."], page.Passages.Select(p => page.Quote(p.Span)));
            Assert.Equal([text], paper.Passages.Select(p => paper.Quote(p.Span)));
        }

        [Fact]
        public void Should_Give_Equal_Hashes_To_Equal_Content_From_Different_Files()
        {
            var a = Document.Create(new DocumentKey("c", "d"), "T", [new SourceSection("", "Same text.")], origin: "a.jsonl:1");
            var b = Document.Create(new DocumentKey("c", "d"), "T", [new SourceSection("", "Same text.")], origin: "b.jsonl:9");
            var c = Document.Create(new DocumentKey("c", "d"), "T", [new SourceSection("", "Other text.")]);
            Assert.Equal(a.ContentHash, b.ContentHash);
            Assert.NotEqual(a.ContentHash, c.ContentHash);
        }
    }
}
