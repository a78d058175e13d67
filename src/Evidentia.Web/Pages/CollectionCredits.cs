namespace Evidentia.Web.Pages;

/// <summary>Licence and attribution of the collections Evidentia knows how to read (DESIGN: every collection records its credit).</summary>
public static class CollectionCredits
{
    private static readonly Dictionary<string, string> Credits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["medquad"] = "MedQuAD, CC BY 4.0: Ben Abacha & Demner-Fushman, “A Question-Entailment Approach to Question Answering”, BMC Bioinformatics 2019. Answers from NIH websites.",
        ["pubmedqa"] = "PubMedQA, MIT: Jin et al., EMNLP 2019. PubMed abstracts.",
        ["bioasq"] = "BioASQ snippets: excerpts of PubMed titles and abstracts; BioASQ terms of use apply.",
        ["mediqa"] = "MEDIQA 2019 answers (NLM, ACL-BioNLP 2019): Ben Abacha, Shivade & Demner-Fushman 2019; passages of the web pages they cite.",
        ["ngc"] = "National Guideline Clearinghouse (AHRQ, closed 2018-07-16) guideline summaries, written by ECRI Institute; each summary carries its own copyright statement, and the original guideline stays under its developer's terms. Released up to 2018: check each guideline's date and status.",
        ["pubmed"] = "PubMed/MEDLINE records (NLM); abstracts remain under their publishers' copyright.",
    };

    public static string For(string collection) => Credits.GetValueOrDefault(collection, "Local documents: see each document's source and licence.");
}
