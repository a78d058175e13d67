using System.IO.Compression;
using System.Text;
using Evidentia.Core.Documents;
using Evidentia.Ingestion;
using Evidentia.Ingestion.Readers;
using Evidentia.Tests.Support;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Evidentia.Tests.Ingestion;

public sealed class ReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (List<Document> Documents, IngestReport Report) Read(IDocumentReader reader, string path)
    {
        var report = new IngestReport();
        var documents = reader.Read(new SourceFile(path, reader.Format, reader.DefaultCollection), report, CancellationToken.None).ToList();
        return (documents, report);
    }

    private string Gzip(string name, string content)
    {
        var path = _folder.Combine(name);
        using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    [Fact]
    public void MedQuad_Should_Keep_Removed_Answers_As_Question_Only_Entries()
    {
        var path = Gzip("medquad.jsonl.gz", """
            {"id": "GARD_1_Sec1", "source": "GARD", "url": "https://rarediseases.info.nih.gov/gard/1/x", "focus": "X syndrome", "synonyms": ["X disease"], "qtype": "treatment", "question": "How to treat X syndrome?", "answer": "X syndrome   is treated\n   with rest.", "answer_removed_for_copyright": false}
            {"id": "ADAM_2_Sec1", "source": "ADAM", "url": "https://medlineplus.gov/ency/article/2.htm", "focus": "Y", "synonyms": [], "qtype": "information", "question": "What is Y ?", "answer": null, "answer_removed_for_copyright": true}
            """);
        var (documents, report) = Read(new MedQuadReader(), path);

        Assert.Empty(report.Problems);
        var answered = documents[0];
        Assert.Equal(("medquad", "GARD_1_Sec1", "X syndrome", true), (answered.Collection, answered.Id, answered.Title, answered.Citable));
        Assert.Equal("X syndrome is treated\nwith rest.", answered.Text);
        Assert.Equal(EvidenceLevel.PatientInformation, answered.EvidenceLevel);
        Assert.Equal(["X disease"], answered.Fields[DocumentFields.Synonyms]);
        Assert.Equal("How to treat X syndrome?", answered.Field(DocumentFields.Question));
        Assert.False(documents[1].Citable);
        Assert.Equal("", documents[1].Text);
    }

    [Fact]
    public void Html_Should_Keep_The_Text_Of_Deeply_Nested_Elements()
    {
        // Issue 25 (7): nested divs with bare text lost it ("no text"), every element looked at all its ancestors and
        // descendants (100,000 of them: 133 s), and AngleSharp's own tree construction costs time by depth for every
        // tag (52 s for this page); elements nest at most 512 deep now, as in browsers (under a second).
        const int depth = 100_000;
        var path = _folder.File("nested.html",
            "<html><head><title>Nested</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth))
            + "The quandrex sentence sits at the bottom of the nesting." + string.Concat(Enumerable.Repeat("</div>", depth))
            + "<h2>After</h2><p>A fixture paragraph after the nesting.</p></body></html>");

        var (documents, report) = Read(new HtmlReader(), path);

        Assert.Empty(report.Problems);
        var document = Assert.Single(documents);
        Assert.StartsWith("The quandrex sentence sits at the bottom of the nesting.", document.Text.Trim(), StringComparison.Ordinal);
        Assert.Equal(["", "After"], document.Sections.Select(x => x.Heading));
    }

    [Theory]
    [InlineData("<html><body><div><p>Within the cap.</p></div></body></html>")]
    [InlineData("<script>var s = '<div><div><div>';</script><!-- <div> --><p>Text.")]
    public void Html_Depth_Should_Leave_A_Page_Within_The_Cap_As_It_Is(string html) => Assert.Same(html, HtmlDepth.Cap(html));

    [Fact]
    public void Html_Depth_Should_Leave_Out_Only_The_Tags_Past_The_Cap()
    {
        var html = string.Concat(Enumerable.Repeat("<div class=\"a>b\">", HtmlDepth.MaxDepth + 2)) + "x" + string.Concat(Enumerable.Repeat("</div>", HtmlDepth.MaxDepth + 2));

        var capped = HtmlDepth.Cap(html);

        Assert.Equal(HtmlDepth.MaxDepth, System.Text.RegularExpressions.Regex.Count(capped, "<div "));
        Assert.Equal(HtmlDepth.MaxDepth, System.Text.RegularExpressions.Regex.Count(capped, "</div>"));
        Assert.Contains(" x ", capped, StringComparison.Ordinal);
    }

    [Fact]
    public void PubMedQa_Should_Read_Labelled_Sections_Mesh_Design_And_Year()
    {
        var path = _folder.File("abstracts_corpus.jsonl", """
            {"pmid": "123", "year": "2011", "meshes": ["Apoptosis"], "sections": [{"label": "BACKGROUND", "text": "Cells die in a programmed way. This is known."}, {"label": "RESULTS", "text": "We saw it."}]}
            {"pmid": "124", "year": "2012", "meshes": ["Humans", "Retrospective Studies"], "sections": [{"label": "METHODS", "text": "We read fixture records."}]}
            """);
        var documents = Read(new PubMedQaReader(), path).Documents;
        // The design MeSH headings record is the evidence level; without one the abstract is research.
        Assert.Equal([EvidenceLevel.Research, EvidenceLevel.ObservationalStudy], documents.Select(d => d.EvidenceLevel));
        var document = documents[0];
        Assert.Equal(["Background", "Results"], document.Sections.Select(s => s.Heading));
        Assert.Equal(2011, document.Year);
        Assert.Equal(["Apoptosis"], document.Fields[DocumentFields.Mesh]);
        Assert.Equal("Cells die in a programmed way.", document.Title);
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/123/", document.Url);
    }

    [Fact]
    public void BioAsq_Should_Make_One_Document_Per_Pmid_With_A_Section_Per_Snippet()
    {
        var path = _folder.File("snippets_corpus.jsonl", """
            {"pmid": "42", "snippets": [{"snippet_id": "42:title:0-20", "section": "title", "text": "A title about genes."}, {"snippet_id": "42:abstract:0-30", "section": "abstract", "text": "Genes do things. More things."}]}
            """);
        var document = Assert.Single(Read(new BioAsqReader(), path).Documents);
        Assert.Equal("A title about genes.", document.Title);
        Assert.Equal(2, document.Sections.Count);
        Assert.Equal(3, document.Passages.Count);
    }

    [Fact]
    public void BioAsq_Should_Title_A_Document_Without_A_Title_Snippet_By_Its_First_Sentence_Not_Its_Label()
    {
        var path = _folder.File("snippets_corpus.jsonl", """
            {"pmid": "43", "snippets": [{"snippet_id": "43:abstract:0-60", "section": "abstract", "text": "BACKGROUND: Genes do made-up things. More things."}]}
            """);
        var document = Assert.Single(Read(new BioAsqReader(), path).Documents);
        Assert.Equal("Genes do made-up things.", document.Title);
        Assert.Equal(["BACKGROUND:", "Genes do made-up things.", "More things."], document.Passages.Select(p => document.Quote(p.Span)));
    }

    [Fact]
    public void BioAsq_Should_Title_A_Snippet_Cut_Before_Its_First_Sentence_Ends_By_Its_Words_Not_Its_Label()
    {
        var path = _folder.File("snippets_corpus.jsonl", """
            {"pmid": "44", "snippets": [{"snippet_id": "44:abstract:0-40", "section": "abstract", "text": "BACKGROUND: Genes do made-up things in"}]}
            """);
        var document = Assert.Single(Read(new BioAsqReader(), path).Documents);
        Assert.Equal("Genes do made-up things in", document.Title);
    }

    [Fact]
    public void BioAsq_Should_Drop_The_Markup_Some_Snippets_Keep()
    {
        var path = _folder.File("snippets_corpus.jsonl", """
            {"pmid": "44", "snippets": [{"section": "title", "text": "A made-up title?<AbstractText Label=\"INTRODUCTION\" NlmCategory=\"BACKGROUND\">We made up a case.</AbstractText>"}, {"section": "abstract", "text": "Levels fell (p &lt; 0.05).<br><b>INTERPRETATION</b>: Made-up drug<sup>®</sup> works."}]}
            """);
        var document = Assert.Single(Read(new BioAsqReader(), path).Documents);
        Assert.DoesNotContain("AbstractText", document.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["A made-up title?", "We made up a case.", "Levels fell (p < 0.05).", "INTERPRETATION:", "Made-up drug® works."],
            document.Passages.Select(p => document.Quote(p.Span)));
    }

    [Fact]
    public void Mediqa_Should_Skip_And_Count_Withheld_Answers_And_Read_The_Heading_Each_Answer_Opens_With()
    {
        var path = _folder.File("answers_corpus.jsonl", """
            {"id": "a1", "url": "https://www.mayoclinic.org/x", "text": null, "text_withheld": "copyrighted-source"}
            {"id": "a2", "url": "https://rarediseases.info.nih.gov/gard/1/x", "text": "What causes X?: X is caused by Y. It is rare."}
            {"id": "a3", "url": "https://www.nlm.nih.gov/medlineplus/x.html", "text": "X (How is X treated?): X is treated with Y."}
            {"id": "a4", "url": "https://www.nlm.nih.gov/medlineplus/x.html", "text": "X (Treatment): Y treats X. It helps."}
            """);
        var (documents, report) = Read(new MediqaReader(), path);
        // The heading an answer opens with titles it and heads its text, which starts after it; it is the answer's
        // question when it is one.
        string[] headings = ["What causes X?", "X (How is X treated?)", "X (Treatment)"];
        Assert.Equal(headings, documents.Select(d => d.Title));
        Assert.Equal(["What causes X?", "X (How is X treated?)", null], documents.Select(d => d.Field(DocumentFields.Question)));
        Assert.Equal(headings, documents.Select(d => d.Sections[0].Heading));
        Assert.Equal(["X is caused by Y. It is rare.", "X is treated with Y.", "Y treats X. It helps."], documents.Select(d => d.Text));
        var document = documents[0];
        Assert.Equal(EvidenceLevel.PatientInformation, document.EvidenceLevel);
        Assert.Equal(1, report.Skipped["mediqa answer text withheld: copyrighted-source"]);
    }

    [Fact]
    public void Jsonl_Should_Report_Malformed_Lines_With_Their_Number_And_Read_The_Rest()
    {
        var path = _folder.File("docs.jsonl", """
            {"id": "1", "title": "One", "text": "The first document.", "evidence": "guideline", "year": 2020}
            {"id": "2", "text": "broken
            {"id": "3", "title": "No text"}
            {"id": "4", "text": "The fourth document.", "evidence": "nonsense"}
            {"id": "5", "text": "The fifth document."}
            """);
        var (documents, report) = Read(new JsonLinesReader(), path);
        Assert.Equal(["1", "5"], documents.Select(d => d.Id));
        Assert.Equal(EvidenceLevel.Guideline, documents[0].EvidenceLevel);
        Assert.Equal([2, 3, 4], report.Problems.Select(p => p.Line!.Value));
        Assert.All(report.Problems, p => Assert.Equal(path, p.File));
    }

    private const string PubMedXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">
        <PubmedArticleSet>
          <PubmedArticle>
            <MedlineCitation Status="MEDLINE" Owner="NLM">
              <PMID Version="1">31000001</PMID>
              <Article PubModel="Print">
                <Journal><JournalIssue><PubDate><Year>2019</Year></PubDate></JournalIssue><Title>The Journal</Title><ISOAbbreviation>J Test</ISOAbbreviation></Journal>
                <ArticleTitle>A trial of something.</ArticleTitle>
                <Abstract>
                  <AbstractText Label="BACKGROUND">Something matters.</AbstractText>
                  <AbstractText Label="CONCLUSIONS">It helped.</AbstractText>
                </Abstract>
                <PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType></PublicationTypeList>
              </Article>
              <MeshHeadingList><MeshHeading><DescriptorName UI="D1">Humans</DescriptorName></MeshHeading></MeshHeadingList>
            </MedlineCitation>
          </PubmedArticle>
        </PubmedArticleSet>
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PubMedXml_Should_Read_Citations_Plain_Or_Gzipped(bool gzipped)
    {
        var path = gzipped ? Gzip("pubmed.xml.gz", PubMedXml) : _folder.File("pubmed.xml", PubMedXml);
        var document = Assert.Single(Read(new PubMedXmlReader(), path).Documents);
        Assert.Equal(("31000001", "A trial of something.", "J Test", 2019), (document.Id, document.Title, document.Source, document.Year));
        Assert.Equal(EvidenceLevel.RandomizedTrial, document.EvidenceLevel);
        Assert.Equal(["Background", "Conclusions"], document.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void PubMedXml_Should_Reject_A_Malformed_File_Whole_With_Its_Line()
    {
        var path = _folder.File("bad.xml", PubMedXml.Replace("</Abstract>", "</Abstrakt>", StringComparison.Ordinal));
        var e = Assert.Throws<InvalidSourceException>(() => Read(new PubMedXmlReader(), path));
        Assert.Equal(13, e.Line); // the line of </Abstrakt>
    }

    [Fact]
    public void Markdown_Should_Read_Front_Matter_And_Sections()
    {
        var path = _folder.File("Demo Guide.md", """
            ---
            title: A demonstration guide
            source: Demo Society
            year: 2021
            url: https://example.org/guide
            evidence: guideline
            ---
            # Ignored as title

            Opening paragraph with **bold** text.

            ## First-line

            - Item one is here.
            - Item two is here.
            """);
        var document = Assert.Single(Read(new MarkdownReader(), path).Documents);
        Assert.Equal(("demo-guide", "A demonstration guide", "Demo Society", 2021, EvidenceLevel.Guideline), (document.Id, document.Title, document.Source, document.Year, document.EvidenceLevel));
        Assert.Equal(["", "First-line"], document.Sections.Select(s => s.Heading));
        Assert.Contains("Opening paragraph with bold text.", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Passages, p => document.Quote(p.Span) == "Item two is here.");
    }

    [Fact]
    public void Markdown_Should_Reject_An_Unknown_Evidence_Level_With_Its_Line()
    {
        var path = _folder.File("bad.md", "---\ntitle: T\nevidence: excellent\n---\nText here.");
        var e = Assert.Throws<InvalidSourceException>(() => Read(new MarkdownReader(), path));
        Assert.Contains("evidence", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Should_Read_Meta_Headings_And_Text_But_Not_Scripts()
    {
        var path = _folder.File("page.html", """
            <html><head><title>Page title</title><meta name="source" content="Demo Site"><meta name="year" content="2020"><meta name="evidence" content="review"><script>alert(1)</script></head>
            <body><nav>Menu</nav><h1>Heading</h1><p>A paragraph of text. <b>Bold</b> part.</p><h2>More</h2><ul><li>First item here</li><li>Second item</li></ul><script>var x = 1;</script></body></html>
            """);
        var document = Assert.Single(Read(new HtmlReader(), path).Documents);
        Assert.Equal(("Page title", "Demo Site", 2020, EvidenceLevel.Review), (document.Title, document.Source, document.Year, document.EvidenceLevel));
        Assert.Equal(["Heading", "More"], document.Sections.Select(s => s.Heading));
        Assert.DoesNotContain("alert", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Menu", document.Text, StringComparison.Ordinal);
        Assert.Contains("First item here", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Should_Take_Metadata_From_The_Sidecar()
    {
        var path = _folder.File("notes.txt", "Plain text sentence one. Sentence two.");
        _folder.File("notes.meta.yaml", "title: Notes\nsource: Somewhere\nyear: 2018\nevidence: observational study\n");
        var document = Assert.Single(Read(new PlainTextReader(), path).Documents);
        Assert.Equal(("Notes", "Somewhere", 2018, EvidenceLevel.ObservationalStudy), (document.Title, document.Source, document.Year, document.EvidenceLevel));
        Assert.Equal(2, document.Passages.Count);
    }

    [Fact]
    public void Pdf_Should_Read_Text_Per_Page()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("First page sentence.", 12, new PdfPoint(50, 700), font);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("Second page sentence.", 12, new PdfPoint(50, 700), font);
        var path = _folder.Combine("doc.pdf");
        File.WriteAllBytes(path, builder.Build());
        _folder.File("doc.meta.yaml", "title: A PDF\n");

        var document = Assert.Single(Read(new PdfReader(), path).Documents);
        Assert.Equal("A PDF", document.Title);
        Assert.Equal(["Page 1", "Page 2"], document.Sections.Select(s => s.Heading));
        Assert.Contains("Second page sentence.", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_Should_Reject_A_Broken_File()
    {
        var path = _folder.File("broken.pdf", "%PDF-1.7\nthis is not really a pdf");
        Assert.Throws<InvalidSourceException>(() => Read(new PdfReader(), path));
    }
}
