using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text;
using Evidentia.Core.Documents;
using Evidentia.Ingestion;
using Evidentia.Ingestion.Readers;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Ingestion;

/// <summary>
/// The NGC reader on summaries written here in the archive's shape (a field's HTML escaped into its XML attribute).
/// The wording is made up ("quandrex", "vorpelix"): fixtures, not clinical evidence.
/// </summary>
public sealed class NgcReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string Recommendations = """
        <div class="content_para"><p>Definitions of the levels are provided at the end of the "Major Recommendations" field.</p>
        <p><strong><span style="text-decoration: underline;">Treatment</span></strong></p>
        <ol><li>Clinicians should offer quandrex to adults with vorpelix (<strong>Level B</strong>).
          <ol><li>Quandrex may be repeated after six weeks [A].</li></ol></li>
        <li>Data are insufficient to recommend brimlax for vorpelix (Level U). </li></ol>
        <p><strong>Imaging</strong></p>
        <p>Variant 1: Adults with vorpelix and a normal score.</p>
        <table><thead><tr><th>Radiologic Procedure</th><th>Rating</th><th>Comments</th><th>RRL*</th></tr></thead>
        <tbody><tr><td>US abdomen</td><td>9</td><td>This is the first study to do.</td><td>O</td></tr>
        <tr><td>CT abdomen</td><td>5</td><td></td><td><img alt="radioactive" src="x.gif"/><img alt="radioactive" src="x.gif"/></td></tr></tbody></table>
        <p><span style="text-decoration: underline;"><strong>Definitions</strong></span>:</p>
        <p><strong>Level B</strong> = Probably effective.</p></div>
        """;

    private static string Field(string name, params string[] values) =>
        $"""<Field FieldID="1" Name="{name}" Type="text">{string.Concat(values.Select(v => $"""<FieldValue Value="{WebUtility.HtmlEncode(v)}" />"""))}</Field>""";

    /// <summary>A summary in the archive's shape, made up (also used by the web tests).</summary>
    internal static string Summary(string recommendations = Recommendations, string extra = "") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Version>
          <Section SecID="1" Name="General">
            {Field("Guideline Title", "<div class=\"content_title\">Management of vorpelix: a demonstration guideline.</div>")}
            {Field("Bibliographic Source(s)", "<table><tr><td>Doe J. Vorpelix. 2012. <a href=\"http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&db=pubmed&dopt=Abstract&list_uids=22815556\">PubMed</a></td></tr></table>")}
          </Section>
          <Section SecID="2" Name="Recommendations">
            {Field("Major Recommendations", recommendations)}
            {Field("Clinical Algorithm(s)", "<div class=\"content_para\"><p>None provided</p></div>")}
          </Section>
          <Section SecID="3" Name="Scope">
            {Field("Disease/Condition(s)", "<p>Vorpelix</p>")}
            {Field("Guideline Category", "Treatment", "Diagnosis")}
            {Field("Target Population", "<p>Adults with vorpelix</p>")}
            {Field("Description of Methods Used to Collect/Select the Evidence", "<p>Searches of a made-up database.</p>")}
            {Field("Potential Harms", "<p>Quandrex causes drowsiness in some people.</p>")}
            {extra}
          </Section>
          <Section SecID="4" Name="Identifying Information and Availability">
            {Field("Date Released", "2012 Aug 7 (reaffirmed 2015 Jul 18)")}
            {Field("Guideline Developer(s)", "American Academy of Demonstration - Medical Specialty Society")}
            {Field("Copyright Statement", "<p>This summary is based on the original guideline, which is copyrighted by its developer.</p>")}
          </Section>
        </Version>
        """;

    private string Archive(string name, params (string Name, string Xml)[] entries)
    {
        var path = _folder.Combine(name);
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gz))
        {
            foreach (var (entryName, xml) in entries)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(xml)) };
                tar.WriteEntry(entry);
            }
        }

        return path;
    }

    private static (List<Document> Documents, IngestReport Report) Read(string path)
    {
        var report = new IngestReport();
        var reader = new NgcReader();
        return (reader.Read(new SourceFile(path, "ngc", "ngc"), report, CancellationToken.None).ToList(), report);
    }

    [Fact]
    public void Should_Read_A_Summary_As_A_Guideline_With_Its_Metadata()
    {
        var (documents, report) = Read(Archive("ngc_summaries.tar.gz", ("ngc_summaries/ngc-9331.xml", Summary())));

        Assert.Empty(report.Problems);
        var d = Assert.Single(documents);
        Assert.Equal(("ngc", "ngc-9331", EvidenceLevel.Guideline), (d.Collection, d.Id, d.EvidenceLevel));
        Assert.Equal("Management of vorpelix: a demonstration guideline", d.Title);
        Assert.Equal("American Academy of Demonstration", d.Source);
        // The year of the version summarised: its reaffirmation.
        Assert.Equal(2015, d.Year);
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/22815556/", d.Url);
        Assert.Equal(["Treatment", "Diagnosis"], d.Fields["Guideline Category"]);
        Assert.Equal(["American Academy of Demonstration"], d.Fields[DocumentFields.Developer]);
        Assert.Equal("2012 Aug 7 (reaffirmed 2015 Jul 18)", d.Field(DocumentFields.Released));
        Assert.Contains("copyrighted by its developer", d.Field(DocumentFields.Copyright), StringComparison.Ordinal);
        Assert.Equal(["Vorpelix", "Adults with vorpelix"], d.Fields[DocumentFields.Scope]);
    }

    [Fact]
    public void Should_Cite_Recommendations_And_Harms_But_Store_Methods_And_Grade_Definitions_Apart()
    {
        var d = Read(Archive("ngc_summaries.tar.gz", ("ngc-1.xml", Summary()))).Documents.Single();
        var passages = d.Passages.Select(p => (Heading: d.Sections[p.Section].Heading, Text: d.Quote(p.Span))).ToList();

        // List items (a nested one too) and table rows are passages of their own, under the guideline's run-in headings.
        Assert.Contains(("Treatment", "Clinicians should offer quandrex to adults with vorpelix (Level B)."), passages);
        Assert.Contains(("Treatment", "Quandrex may be repeated after six weeks [A]."), passages);
        // A table's caption heads its rows.
        Assert.Contains(("Variant 1: Adults with vorpelix and a normal score.", "US abdomen; Rating: 9; RRL: O; Comments: This is the first study to do."), passages);
        Assert.Contains(("Variant 1: Adults with vorpelix and a normal score.", "CT abdomen; Rating: 5; RRL: ☢ ☢."), passages);
        Assert.Contains(("Potential Harms", "Quandrex causes drowsiness in some people."), passages);
        // Nothing of the methods, the grades' definitions or an empty field is cited.
        Assert.DoesNotContain("made-up database", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Probably effective", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("None provided", d.Text, StringComparison.Ordinal);
        Assert.Contains("Probably effective", d.Field(DocumentFields.GradeDefinitions), StringComparison.Ordinal);
        Assert.Equal("Searches of a made-up database.", d.Field("Description of Methods Used to Collect/Select the Evidence"));
    }

    [Fact]
    public void Should_Attach_Each_Grade_To_The_Passage_It_Is_Written_In()
    {
        var d = Read(Archive("ngc_summaries.tar.gz", ("ngc-1.xml", Summary()))).Documents.Single();
        var grades = d.Passages.Select(p => d.Quote(p.Span)).ToDictionary(t => t, t => RecommendationGrades.Find(d, t));

        Assert.Equal("Level B", grades["Clinicians should offer quandrex to adults with vorpelix (Level B)."]);
        Assert.Equal("A", grades["Quandrex may be repeated after six weeks [A]."]);
        Assert.Equal("Rating 9", grades["US abdomen; Rating: 9; RRL: O; Comments: This is the first study to do."]);
        Assert.Null(grades["Quandrex causes drowsiness in some people."]);
    }

    [Fact]
    public void Should_Report_A_Malformed_Summary_With_Its_File_And_Line_And_Read_The_Others()
    {
        var (documents, report) = Read(Archive("ngc_summaries.tar.gz",
            ("ngc-1.xml", Summary()), ("ngc-2.xml", "<Version>\n<Section>\n<Field Name=\"x\"></Version>"), ("README.txt", "not a summary")));

        Assert.Equal(["ngc-1"], documents.Select(d => d.Id));
        var problem = Assert.Single(report.Problems);
        Assert.EndsWith("ngc_summaries.tar.gz/ngc-2.xml", problem.File, StringComparison.Ordinal);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("malformed XML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_A_Broken_Field_By_Name_And_Keep_The_Rest()
    {
        var broken = """<Field FieldID="9" Name="Potential Benefits" Type="text"><FieldValue /></Field>""";
        var (documents, report) = Read(Archive("ngc_summaries.tar.gz", ("ngc-1.xml", Summary(extra: broken))));

        var problem = Assert.Single(report.Problems);
        Assert.Contains("\"Potential Benefits\"", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
        Assert.Contains("Clinicians should offer quandrex", Assert.Single(documents).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Skip_A_Summary_Without_Recommendations_And_Say_So()
    {
        var (documents, report) = Read(Archive("ngc_summaries.tar.gz", ("ngc-1.xml", Summary(recommendations: "<table></table>"))));

        Assert.Empty(documents);
        Assert.Contains("no text", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_An_Unpacked_Summary_File_Found_By_Name()
    {
        var path = _folder.File("summaries/ngc-77.xml", Summary());

        Assert.Equal("ngc", FormatDetector.Detect(path, out _));
        Assert.Equal("ngc-77", Assert.Single(Read(path).Documents).Id);
    }

    [Fact]
    public async Task Should_Write_Nothing_Of_A_Damaged_Archive()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var path = Archive("ngc_summaries.tar.gz", ("ngc-1.xml", Summary()), ("ngc-2.xml", Summary()));
        var bytes = File.ReadAllBytes(path);
        // Bytes that are no gzip stream at all after the first block.
        File.WriteAllBytes(path, [.. bytes[..20], .. Enumerable.Repeat((byte)0xFF, 4000)]);

        var report = await new Ingestor(test.Workspace.Store).IngestAsync([path], null, null, null, CancellationToken.None);

        Assert.Single(report.Problems);
        Assert.Equal(0, await test.Workspace.Store.GetLastSequenceAsync(CancellationToken.None));
    }
}
