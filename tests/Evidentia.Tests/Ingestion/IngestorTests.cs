using Evidentia.Ingestion;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Ingestion;

public class IngestorTests
{
    private static Task<IngestReport> Ingest(TestWorkspace test, params string[] paths) =>
        new Ingestor(test.Workspace.Store).IngestAsync(paths, null, null, null, CancellationToken.None);

    [Fact]
    public async Task Should_Change_Nothing_When_The_Same_File_Is_Ingested_Again()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var file = test.Folder.File("in/docs.jsonl", """{"id": "1", "text": "A sentence."}""" + "\n" + """{"id": "2", "text": "Another one."}""");
        var first = await Ingest(test, file);
        var sequence = await test.Workspace.Store.GetLastSequenceAsync(CancellationToken.None);

        var second = await Ingest(test, file);
        Assert.Equal(2, first.Written.Added);
        Assert.Equal((0, 0, 2), (second.Written.Added, second.Written.Replaced, second.Written.Unchanged));
        Assert.Equal(sequence, await test.Workspace.Store.GetLastSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_Remove_Everywhere_A_Document_Its_File_No_Longer_Has()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var file = test.Folder.File("in/docs.jsonl", """{"id": "1", "text": "The quandrex sentence stays."}""" + "\n" + """{"id": "2", "text": "The vorpelix sentence goes."}""");
        await Ingest(test, file);
        await test.Workspace.SyncIndexAsync(false, null, CancellationToken.None);
        Assert.Single(test.Workspace.Searcher.Search("vorpelix", 10));
        File.WriteAllText(file, """{"id": "1", "text": "The quandrex sentence stays."}""");

        var report = await Ingest(test, file);
        await test.Workspace.SyncIndexAsync(false, null, CancellationToken.None);

        Assert.Equal((0, 1, 1), (report.Written.Added, report.Written.Unchanged, report.Written.Removed));
        Assert.Empty(await test.Workspace.Store.GetAsync([new("local", "2")], CancellationToken.None));
        Assert.Empty(test.Workspace.Searcher.Search("vorpelix", 10));
        Assert.Single(test.Workspace.Searcher.Search("quandrex", 10));
    }

    [Fact]
    public async Task Should_Remove_Nothing_When_The_File_Has_A_Skipped_Record()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var file = test.Folder.File("in/docs.jsonl", """{"id": "1", "text": "One sentence."}""" + "\n" + """{"id": "2", "text": "Two sentence."}""");
        await Ingest(test, file);
        // Record 2's line is now broken: its earlier version must stay.
        File.WriteAllText(file, """{"id": "1", "text": "One sentence."}""" + "\n" + """{"id": "2", "text": """);

        var report = await Ingest(test, file);

        Assert.Single(report.Problems);
        Assert.Equal(0, report.Written.Removed);
        Assert.Single(await test.Workspace.Store.GetAsync([new("local", "2")], CancellationToken.None));
    }

    [Fact]
    public async Task Should_Replace_A_Changed_Document_Everywhere()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var file = test.Folder.File("in/docs.jsonl", """{"id": "1", "title": "Zinc", "text": "Zinc is a mineral."}""");
        await Ingest(test, file);
        await test.Workspace.SyncIndexAsync(false, null, CancellationToken.None);
        File.WriteAllText(file, """{"id": "1", "title": "Zinc", "text": "Zinc deficiency impairs taste."}""");

        var report = await Ingest(test, file);
        await test.Workspace.SyncIndexAsync(false, null, CancellationToken.None);

        Assert.Equal(1, report.Written.Replaced);
        var stored = Assert.Single(await test.Workspace.Store.GetAsync([new("local", "1")], CancellationToken.None));
        Assert.Equal("Zinc deficiency impairs taste.", stored.Text);
        Assert.Empty(test.Workspace.Searcher.Search("mineral", 10));
        Assert.Single(test.Workspace.Searcher.Search("taste", 10));
    }

    [Fact]
    public async Task Should_Skip_A_Malformed_File_Whole_And_Ingest_The_Rest()
    {
        await using var test = await TestWorkspace.CreateAsync();
        test.Folder.File("in/good.md", "---\ntitle: Good\n---\nA good document.");
        test.Folder.File("in/bad.xml", "<PubmedArticleSet><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>T</ArticleTitle></Article></MedlineCitation><MedlineCitation><PMID>2</Oops></PubmedArticleSet>");
        test.Folder.File("in/figure.bin", "binary");

        var report = await Ingest(test, test.Folder.Combine("in"));

        var problem = Assert.Single(report.Problems);
        Assert.EndsWith("bad.xml", problem.File, StringComparison.Ordinal);
        Assert.Equal(1, problem.Line);
        Assert.Equal(1, report.Written.Added);
        Assert.Equal(1, report.Skipped["file skipped: unrecognised file type"]);
        Assert.Equal(["local"], (await test.Workspace.Store.GetStatsAsync(CancellationToken.None)).Select(s => s.Collection));
    }

    [Fact]
    public async Task Should_Read_Only_The_Corpus_Of_A_Dataset_Folder()
    {
        await using var test = await TestWorkspace.CreateAsync();
        test.Folder.File("data/mediqa/answers_corpus.jsonl", """{"id": "a1", "url": "https://www.nih.gov/x", "text": "An answer sentence here."}""");
        test.Folder.File("data/mediqa/dev.jsonl", """{"qid": "q1", "question": "Not a document"}""");
        test.Folder.File("data/mediqa/README.md", "# About the dataset");

        var report = await Ingest(test, test.Folder.Combine("data"));

        Assert.Empty(report.Problems);
        Assert.Equal(1, report.DocumentsRead);
        Assert.Equal(1, report.Skipped["file skipped: benchmark questions or judgments, not documents"]);
        Assert.Equal(1, report.Skipped["file skipped: a README, not a document"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("markdown")]
    [InlineData("jsonl")]
    public async Task Should_Never_Read_A_Readme_Or_Benchmark_Questions_As_Documents(string? format)
    {
        await using var test = await TestWorkspace.CreateAsync();
        test.Folder.File("notes/README.md", "# About these notes\n\nA readme sentence.");
        test.Folder.File("notes/eval/questions.dev.jsonl", """{"id": "q1", "text": "Not a document"}""");
        test.Folder.File("notes/guide.md", "# Guide\n\nA guide sentence here.");
        test.Folder.File("notes/docs.jsonl", """{"id": "d1", "text": "A document sentence."}""");

        var report = await new Ingestor(test.Workspace.Store).IngestAsync([test.Folder.Combine("notes")], format, null, null, CancellationToken.None);

        Assert.Empty(report.Problems);
        var ids = (await test.Workspace.Store.GetChangesAsync(0, 10, CancellationToken.None)).Select(c => c.Document.Id).Order().ToList();
        Assert.Equal(format switch { "markdown" => ["guide"], "jsonl" => ["d1"], _ => ["d1", "guide"] }, ids);
    }

    [Fact]
    public async Task Should_Report_Malformed_Front_Matter_With_Its_File_And_Line_And_Ingest_The_Rest()
    {
        await using var test = await TestWorkspace.CreateAsync();
        // An unclosed flow sequence: YamlDotNet throws InvalidOperationException, not YamlException.
        test.Folder.File("in/broken.md", "---\ntitle: [a, b\nyear: 2020\n---\nA sentence of the broken file.");
        test.Folder.File("in/good.md", "# Good\n\nA good document sentence.");

        var report = await Ingest(test, test.Folder.Combine("in"));

        var problem = Assert.Single(report.Problems);
        Assert.EndsWith("broken.md", problem.File, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
        Assert.Equal(1, report.Written.Added);
    }

    [Fact]
    public async Task Should_Keep_Files_Of_One_Name_Apart_By_Their_Paths()
    {
        await using var test = await TestWorkspace.CreateAsync();
        test.Folder.File("in/a/guide.md", "# A\n\nThe first quandrex guide sentence.");
        test.Folder.File("in/b/Guide.md", "# B\n\nThe second quandrex guide sentence.");
        test.Folder.File("in/x.md", "# X\n\nThe markdown vorpelix sentence.");
        test.Folder.File("in/x.txt", "The plain text vorpelix sentence.");
        test.Folder.File("in/alone.md", "# Alone\n\nA sentence of a file whose name is its own.");

        var report = await Ingest(test, test.Folder.Combine("in"));
        // Later, a file named like one already stored, from another folder.
        test.Folder.File("later/alone.md", "# Alone again\n\nA sentence of another file of the same name.");
        var later = await Ingest(test, test.Folder.Combine("later"));

        Assert.Empty(report.Problems);
        Assert.Empty(later.Problems);
        var ids = (await test.Workspace.Store.GetChangesAsync(0, 100, CancellationToken.None)).Select(c => c.Document.Id).Order().ToList();
        Assert.Equal(["a-guide-md", "alone", "b-guide-md", "later-alone-md", "x-md", "x-txt"], ids);
    }

    [Fact]
    public async Task Should_Remove_Nothing_When_A_Gzip_File_Ends_Early()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var path = test.Folder.Combine("in/docs.jsonl.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Optimal))
        {
            for (var i = 0; i < 2000; i++)
            {
                gz.Write(System.Text.Encoding.UTF8.GetBytes($$"""{"id": "{{i}}", "text": "Fixture record number {{i}} of the truncation test."}""" + "\n"));
                if (i == 999)
                {
                    // A flush point: a file cut here decompresses cleanly to the first 1,000 records.
                    gz.Flush();
                }
            }
        }

        await Ingest(test, path);
        var bytes = await File.ReadAllBytesAsync(path);
        // Cut in the middle: about where the flush point is, a cut .NET's GZipStream reads without an error.
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
        var report = await Ingest(test, path);

        Assert.Contains("ends early or is damaged", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(0, report.Written.Removed);
        Assert.Equal(2000, (await test.Workspace.Store.GetStatsAsync(CancellationToken.None)).Single().Documents);
    }

    // Issue 25 (5): a line of a gigabyte, millions of malformed lines or a huge text took memory without bound.
    [Fact]
    public async Task A_Line_Longer_Than_The_Limit_Should_Be_Skipped_Unread_And_The_Rest_Ingested()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var path = test.Folder.Combine("in/long.jsonl.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write("{\"id\": \"1\", \"text\": \"A fixture sentence before.\"}\n"u8);
            gz.Write("{\"id\": \"huge\", \"text\": \""u8);
            gz.Write(new byte[IngestLimits.MaxLineChars + 1].Select(_ => (byte)'a').ToArray());
            gz.Write("\"}\r\n{\"id\": \"2\", \"text\": \"A fixture sentence after.\"}"u8);
        }

        var report = await Ingest(test, path);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("longer than 4,194,304 characters", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["1", "2"], (await test.Workspace.Store.GetChangesAsync(0, 10, CancellationToken.None)).Select(c => c.Document.Id).Order());
    }

    [Fact]
    public async Task Should_Keep_A_Hundred_Problems_Of_A_File_And_Count_The_Rest()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var path = test.Folder.File("in/junk.jsonl", string.Concat(Enumerable.Repeat("x\n", 250)) + "{\"id\": \"ok\", \"text\": \"A fixture sentence.\"}\n");

        var report = await Ingest(test, path);

        Assert.Equal(250, report.ProblemCount);
        Assert.Equal(IngestLimits.MaxProblemsPerFile + 1, report.Problems.Count);
        Assert.Equal(100, report.Problems[99].Line);
        Assert.Contains("and 150 more problems in this file", report.Problems[^1].Message, StringComparison.Ordinal);
        Assert.Equal(1, report.DocumentsRead);
    }

    [Fact]
    public async Task A_Text_File_Longer_Than_The_Limit_Should_Be_A_Problem_Of_Its_File()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var huge = test.Folder.File("in/huge.txt", new string('a', IngestLimits.MaxDocumentChars + 1));
        test.Folder.File("in/small.txt", "A fixture sentence of a small file.");

        var report = await Ingest(test, test.Folder.Combine("in"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(huge, problem.File);
        Assert.Contains("longer than 4,194,304 characters", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.DocumentsRead);
    }

    [Fact]
    public async Task Should_Report_Bytes_That_Are_Not_Utf8()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var path = test.Folder.Combine("in/latin1.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // "Caf\xe9" in Latin-1: 0xE9 alone is no UTF-8.
        await File.WriteAllBytesAsync(path, [.. System.Text.Encoding.ASCII.GetBytes("{\"id\": \"1\", \"text\": \"A fixture caf"), 0xE9, .. System.Text.Encoding.ASCII.GetBytes(" sentence.\"}\n")]);

        var report = await Ingest(test, path);

        Assert.Contains("not UTF-8", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Fail_Before_Reading_When_A_Path_Is_Missing()
    {
        await using var test = await TestWorkspace.CreateAsync();
        var good = test.Folder.File("in/docs.jsonl", """{"id": "1", "text": "A sentence."}""");
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => Ingest(test, good, test.Folder.Combine("missing")));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await test.Workspace.Store.GetLastSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_Reject_An_Unknown_Format()
    {
        await using var test = await TestWorkspace.CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new Ingestor(test.Workspace.Store).IngestAsync([test.Folder.Path], "docx", null, null, CancellationToken.None));
    }
}
