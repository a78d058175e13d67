namespace Evidentia.Core.Documents;

/// <summary>Maps the metadata that sources carry onto an <see cref="EvidenceLevel"/>.</summary>
public static class EvidenceLevels
{
    // PubMed publication types (https://www.nlm.nih.gov/mesh/pubtypes.html) and the MeSH headings with which MEDLINE's
    // indexers record a study's own design (randomisation and blinding; the epidemiologic study characteristics,
    // such as "Cohort Studies"), strongest first.
    private static readonly (string Term, EvidenceLevel Level)[] DesignTerms =
    [
        ("Practice Guideline", EvidenceLevel.Guideline),
        ("Guideline", EvidenceLevel.Guideline),
        ("Consensus Development Conference", EvidenceLevel.Guideline),
        ("Meta-Analysis", EvidenceLevel.SystematicReview),
        ("Systematic Review", EvidenceLevel.SystematicReview),
        ("Randomized Controlled Trial", EvidenceLevel.RandomizedTrial),
        ("Controlled Clinical Trial", EvidenceLevel.RandomizedTrial),
        ("Observational Study", EvidenceLevel.ObservationalStudy),
        ("Comparative Study", EvidenceLevel.ObservationalStudy),
        ("Review", EvidenceLevel.Review),
        ("Case Reports", EvidenceLevel.CaseReport),
        ("Random Allocation", EvidenceLevel.RandomizedTrial),
        ("Double-Blind Method", EvidenceLevel.RandomizedTrial),
        ("Single-Blind Method", EvidenceLevel.RandomizedTrial),
        ("Cohort Studies", EvidenceLevel.ObservationalStudy),
        ("Prospective Studies", EvidenceLevel.ObservationalStudy),
        ("Retrospective Studies", EvidenceLevel.ObservationalStudy),
        ("Longitudinal Studies", EvidenceLevel.ObservationalStudy),
        ("Follow-Up Studies", EvidenceLevel.ObservationalStudy),
        ("Case-Control Studies", EvidenceLevel.ObservationalStudy),
        ("Cross-Sectional Studies", EvidenceLevel.ObservationalStudy),
    ];

    // Consumer health sites of the NIH (and the CDC, which MedQuAD includes): patient information.
    private static readonly string[] ConsumerHealthHosts =
    [
        "nih.gov", "medlineplus.gov", "cancer.gov", "cdc.gov", "womenshealth.gov", "nihseniorhealth.gov",
    ];

    /// <summary>
    /// The strongest level among a PubMed record's publication types and MeSH headings (a design heading is
    /// indexed for the study itself: "Random Allocation" for a randomised one); <see cref="EvidenceLevel.Research"/>
    /// when none names a design.
    /// </summary>
    public static EvidenceLevel FromPubMedIndexing(IEnumerable<string> publicationTypesAndMeshHeadings)
    {
        var best = EvidenceLevel.Research;
        foreach (var term in publicationTypesAndMeshHeadings)
        {
            foreach (var (name, level) in DesignTerms)
            {
                if (string.Equals(term.Trim(), name, StringComparison.OrdinalIgnoreCase) && level < best)
                {
                    best = level;
                }
            }
        }

        return best;
    }

    /// <summary>Patient information for consumer health pages of NIH sites; otherwise research.</summary>
    public static EvidenceLevel FromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return EvidenceLevel.Research;
        }

        var host = uri.Host.ToLowerInvariant();
        return ConsumerHealthHosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal))
            ? EvidenceLevel.PatientInformation
            : EvidenceLevel.Research;
    }

    /// <summary>
    /// Parses the <c>evidence</c> value of a local document's header. Accepts the enum names and the
    /// usual spellings ("guideline", "systematic review", "meta-analysis", "rct", "patient information", …).
    /// </summary>
    public static bool TryParse(string? value, out EvidenceLevel level)
    {
        level = EvidenceLevel.Research;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var key = new string(value.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        EvidenceLevel? parsed = key switch
        {
            "guideline" or "practiceguideline" or "consensus" => EvidenceLevel.Guideline,
            "systematicreview" or "metaanalysis" => EvidenceLevel.SystematicReview,
            "randomizedtrial" or "randomisedtrial" or "randomizedcontrolledtrial" or "randomisedcontrolledtrial" or "rct" or "trial" => EvidenceLevel.RandomizedTrial,
            "observationalstudy" or "observational" or "cohort" or "casecontrol" => EvidenceLevel.ObservationalStudy,
            "review" or "narrativereview" => EvidenceLevel.Review,
            "casereport" or "casereports" => EvidenceLevel.CaseReport,
            "patientinformation" or "patientinfo" or "patient" => EvidenceLevel.PatientInformation,
            "research" or "expertopinion" => EvidenceLevel.Research,
            _ => null,
        };
        if (parsed is null)
        {
            return false;
        }

        level = parsed.Value;
        return true;
    }

    /// <summary>The label a reader sees on a reference ("Systematic review").</summary>
    public static string Label(this EvidenceLevel level) => level switch
    {
        EvidenceLevel.Guideline => "Guideline",
        EvidenceLevel.SystematicReview => "Systematic review",
        EvidenceLevel.RandomizedTrial => "Trial",
        EvidenceLevel.ObservationalStudy => "Observational study",
        EvidenceLevel.Review => "Review",
        EvidenceLevel.CaseReport => "Case report",
        EvidenceLevel.PatientInformation => "Patient information",
        _ => "Research",
    };
}
