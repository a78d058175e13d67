using System.Xml;
using System.Xml.Linq;
using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// MEDLINE/PubMed citation XML as NLM distributes it (<c>PubmedArticleSet</c> or <c>MedlineCitationSet</c>,
/// gzipped or not): title, labelled abstract sections, journal, year, publication types and MeSH headings.
/// A malformed file is rejected whole, with its line.
/// </summary>
public sealed class PubMedXmlReader : IDocumentReader
{
    public string Format => "pubmed-xml";

    public string DefaultCollection => "pubmed";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken)
    {
        // Parse the whole file before yielding anything, so that a malformed file yields nothing.
        var documents = new List<Document>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true };
        try
        {
            using var text = file.OpenText();
            using var xml = XmlReader.Create(text, settings);
            xml.MoveToContent();
            while (!xml.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "MedlineCitation")
                {
                    var line = ((IXmlLineInfo)xml).LineNumber;
                    var citation = (XElement)XNode.ReadFrom(xml);
                    var document = ToDocument(citation, file, line);
                    if (document is null)
                    {
                        report.Skip("pubmed citation without title or abstract");
                    }
                    else
                    {
                        documents.Add(document);
                    }
                }
                else
                {
                    xml.Read();
                }
            }
        }
        catch (XmlException e)
        {
            throw new InvalidSourceException($"malformed XML: {e.Message}", e.LineNumber, e);
        }

        return documents;
    }

    private static Document? ToDocument(XElement citation, SourceFile file, int line)
    {
        var pmid = citation.Element("PMID")?.Value.Trim();
        if (string.IsNullOrEmpty(pmid))
        {
            throw new InvalidSourceException("MedlineCitation without PMID", line);
        }

        var article = citation.Element("Article");
        var title = article?.Element("ArticleTitle")?.Value;
        var sections = article?.Element("Abstract")?.Elements("AbstractText")
            .Select(a => new SourceSection(PubMed.SectionHeading(a.Attribute("Label")?.Value), a.Value))
            .ToList() ?? [];
        if (string.IsNullOrWhiteSpace(title) && sections.Count == 0)
        {
            return null;
        }

        var journal = article?.Element("Journal");
        var publicationTypes = article?.Element("PublicationTypeList")?.Elements("PublicationType").Select(p => p.Value.Trim()).ToList() ?? [];
        var mesh = citation.Element("MeshHeadingList")?.Elements("MeshHeading").Select(m => m.Element("DescriptorName")?.Value.Trim() ?? "").Where(m => m.Length > 0).ToList() ?? [];
        var journalName = journal?.Element("ISOAbbreviation")?.Value ?? journal?.Element("Title")?.Value;
        return Document.Create(
            new DocumentKey(file.Collection, pmid),
            string.IsNullOrWhiteSpace(title) ? PubMed.TitleFromFirstSentence(sections[0].Text, pmid) : title,
            sections.Count > 0 ? sections : [new SourceSection("", title!)],
            source: journalName,
            url: PubMed.Url(pmid),
            year: Year(journal),
            evidenceLevel: EvidenceLevels.FromPubMedIndexing([.. publicationTypes, .. mesh]),
            fields: new Dictionary<string, IReadOnlyList<string>>
            {
                [DocumentFields.PublicationTypes] = publicationTypes,
                [DocumentFields.Mesh] = mesh,
                [DocumentFields.Journal] = journalName is null ? [] : [journalName],
            },
            origin: $"{file.Path}:{line}");
    }

    private static int? Year(XElement? journal)
    {
        var date = journal?.Element("JournalIssue")?.Element("PubDate");
        var text = date?.Element("Year")?.Value ?? date?.Element("MedlineDate")?.Value;
        return text is { Length: >= 4 } && int.TryParse(text.AsSpan(0, 4), out var year) ? year : null;
    }
}
