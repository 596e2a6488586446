using System.Text.RegularExpressions;

namespace ProvisionRisk.Features;

/// <summary>
/// The catalogue of legal cues used as features and as evidence: intent and "without right" elements, optional
/// qualifiers, broad scope, content terms, compelled assistance, and the binding safeguards that cure them
/// (judicial authorisation, necessity and proportionality, time limits, notification, remedies, dual criminality).
/// </summary>
public static partial class LegalCues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int MatchTimeoutMilliseconds = 1000;

    /// <summary>Gets every cue, in a fixed order (the order of the cue features).</summary>
    public static IReadOnlyList<LegalCue> All { get; } =
    [
        Cue("intent", "a mental element: intentionally, knowingly, wilfully, with intent, dishonestly",
            IntentPattern()),
        Cue("without-right", "an unlawfulness element: without right, without authority, unlawfully, without lawful excuse",
            WithoutRightPattern()),
        Cue("optional-qualifier", "an element that a State may (but need not) require",
            OptionalQualifierPattern()),
        Cue("serious-harm", "a harm or damage threshold",
            SeriousHarmPattern()),
        Cue("any-offence-scope", "scope of powers or cooperation reaching any criminal offence or serious crime",
            AnyOffenceScopePattern()),
        Cue("closed-list", "scope tied to a closed list of defined offences",
            ClosedListPattern()),
        Cue("any-person", "a duty or power reaching any person",
            AnyPersonPattern()),
        Cue("compelled-assistance", "a duty to give information, keys or assistance enabling access, search or decryption",
            CompelledAssistancePattern()),
        Cue("content-term", "conduct defined by the content of information",
            ContentTermPattern()),
        Cue("vague-term", "an elastic decisive element",
            VagueTermPattern()),
        Cue("research-exemption", "an exemption for testing, research, journalism or authorised protection",
            ResearchExemptionPattern()),
        Cue("child-protection", "child sexual abuse material",
            ChildProtectionPattern()),
        Cue("extraterritorial", "jurisdiction over conduct outside the territory",
            ExtraterritorialPattern()),
        Cue("power-search-seizure", "a search, seizure, production, preservation or access power",
            PowerSearchSeizurePattern()),
        Cue("power-interception", "real-time collection or interception of communications or traffic",
            PowerInterceptionPattern()),
        Cue("data-sharing", "transfer or sharing of data or evidence with another State or body",
            DataSharingPattern()),
        Cue("judicial-authorisation", "prior authorisation or order by a judge, court or independent authority",
            JudicialAuthorisationPattern()),
        Cue("executive-authorisation", "authorisation by a minister, police officer, agency or prosecutor",
            ExecutiveAuthorisationPattern()),
        Cue("necessity-proportionality", "a necessity, relevance or proportionality condition",
            NecessityProportionalityPattern()),
        Cue("time-limit", "a limit of duration or a fixed period",
            TimeLimitPattern()),
        Cue("scope-limit", "a limit of targets, data categories or particularity",
            ScopeLimitPattern()),
        Cue("notification", "notice to the person concerned",
            NotificationPattern()),
        Cue("secrecy", "confidentiality or non-disclosure duties",
            SecrecyPattern()),
        Cue("remedy", "a remedy, appeal, review or challenge",
            RemedyPattern()),
        Cue("oversight", "oversight, reporting, record-keeping or statistics",
            OversightPattern()),
        Cue("dual-criminality", "dual (double) criminality",
            DualCriminalityPattern()),
        Cue("refusal-ground", "a ground to refuse cooperation or extradition",
            RefusalGroundPattern()),
        Cue("human-rights", "an express human-rights, privacy or data-protection condition",
            HumanRightsPattern()),
        Cue("optional-safeguard", "a safeguard made optional, dispensed with (without a warrant, without notice) or deferred to domestic law",
            OptionalSafeguardPattern()),
        Cue("mandatory", "a mandatory duty",
            MandatoryPattern()),
        Cue("permissive", "a discretionary power",
            PermissivePattern()),
        Cue("service-provider", "duties or powers directed at service providers",
            ServiceProviderPattern()),
        Cue("blocking-removal", "blocking, removal, takedown or disabling of content or accounts",
            BlockingRemovalPattern()),
        Cue("retention", "data retention duties",
            RetentionPattern()),
        Cue("penalty", "a criminal penalty",
            PenaltyPattern()),
        Cue("definition", "a definition",
            DefinitionPattern()),
        Cue("institutional", "an institution, its members, funds or procedure",
            InstitutionalPattern()),
    ];

    private static readonly Dictionary<string, int> IndexByName =
        All.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    /// <summary>Gets the cue names, in feature order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToArray();

    /// <summary>Finds every cue in <paramref name="text"/>.</summary>
    /// <param name="text">The provision's text.</param>
    /// <returns>The matches, ordered by cue then position.</returns>
    public static IReadOnlyList<CueMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<CueMatch>();
        foreach (var cue in All)
        {
            foreach (Match m in cue.Pattern.Matches(text))
            {
                result.Add(new CueMatch(cue.Name, m.Index, m.Index + m.Length));
            }
        }

        return result;
    }

    /// <summary>The cue feature vector of a text: per cue, log(1 + number of matches).</summary>
    /// <param name="text">The provision's text.</param>
    /// <returns>One value per cue, in <see cref="All"/> order.</returns>
    internal static float[] Vector(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var v = new float[All.Count];
        for (var i = 0; i < All.Count; i++)
        {
            var n = All[i].Pattern.Count(text);
            v[i] = MathF.Log(1 + n);
        }

        return v;
    }

    /// <summary>The position of the cue named <paramref name="name"/> in the cue vector, or -1.</summary>
    /// <param name="name">A cue name.</param>
    /// <returns>The index, or -1 if there is no such cue.</returns>
    public static int IndexOf(string name) => IndexByName.TryGetValue(name, out var i) ? i : -1;

    private static LegalCue Cue(string name, string description, Regex pattern) => new(name, description, pattern);

    // The patterns are compiled to source at build time: no regex compilation at start-up, fast matching.
    [GeneratedRegex(@"\b(intentional(ly)?|knowing(ly)?|wil+ful(ly)?|with (the )?intent|with (a |the )?(fraudulent|dishonest|criminal) intent|dishonest(ly)?|fraudulent(ly)?|deliberate(ly)?|maliciously|purposely)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex IntentPattern();

    [GeneratedRegex(@"\b(without (a )?right|without (lawful )?(authori[sz]ation|authority|excuse|consent|permission)|unlawful(ly)?|unauthori[sz]ed|without legal (justification|authority)|exceed(s|ing)? (his |her |their )?authori[sz]ed access|not entitled)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex WithoutRightPattern();

    [GeneratedRegex(@"\b(may require that|may reserve the right|may require (an|the) (additional|further)|a party may require|may provide that)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex OptionalQualifierPattern();

    [GeneratedRegex(@"\b(serious (harm|damage|hindering|loss)|causes? (damage|loss|harm|injury)|results? in (serious )?(harm|damage|loss))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex SeriousHarmPattern();

    [GeneratedRegex(@"\b(any (other )?(criminal )?offen[cs]es?|other criminal offen[cs]es committed by means of|any (other )?serious (crime|offen[cs]e)|serious crimes?|offen[cs]es? (under|against) any (other )?(written )?law|any crime|all (criminal )?offen[cs]es|widest (possible )?(measure|extent))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex AnyOffenceScopePattern();

    [GeneratedRegex(@"\b(offen[cs]es established in accordance with (articles?|this convention)|offen[cs]es? (under|created by|specified in) this (act|law|part|convention)|in accordance with articles? \d+ (through|to|-) \d+)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ClosedListPattern();

    [GeneratedRegex(@"\b(any person|every person|anyone|any individual|any other person|whoever)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex AnyPersonPattern();

    [GeneratedRegex(@"\b(to provide (all )?(the )?(necessary )?(information|assistance)|render (such )?assistance|technical assistance|decrypt(ion)?|password|access code|encryption key|decryption key|knowledge (about|of) the functioning|to assist)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex CompelledAssistancePattern();

    [GeneratedRegex(@"\b(false|fake|falsehoods?|misleading|rumou?rs?|insult(s|ing)?|offensive|annoy(s|ing|ance)?|inconvenience|defam(e|es|ing|ation|atory)|obscene|indecent|immoral(ity)?|hatred|contempt|abusive|menacing|grossly|disturb(s|ing)? (the )?(public )?(peace|order)|public order|national unity|strife|religio(n|us)|blasphem(y|ous)|morals?|propaganda|sedition|seditious|incit(e|es|ing|ement)|glorif(y|ies|ication)|extremis(t|m)|harass(es|ment)?|bully(ing)?|distress)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ContentTermPattern();

    [GeneratedRegex(@"\b(national security|public (interest|safety|peace|morality)|law and order|security of the state|friendly relations|economic (stability|interests)|likely to|any other (purpose|matter|reason)|undesirable|prejudicial|as (he|she|it|the minister|the authority) (thinks|considers|deems) (fit|necessary|appropriate)|reasonabl[ey] (believe|suspect|suspicion)|designed or adapted)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex VagueTermPattern();

    [GeneratedRegex(@"\b(authori[sz]ed testing|protection of a computer system|security research|research purposes|good faith|public interest|journalis(m|tic|ts?)|bona fide|shall not be interpreted as imposing criminal liability)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ResearchExemptionPattern();

    [GeneratedRegex(@"\b(child (pornography|sexual abuse material)|minor engaged in sexually explicit|sexual(ly)? (abuse|exploitation) of (a )?child(ren)?)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ChildProtectionPattern();

    [GeneratedRegex(@"\b(outside (the territory of |of )?(the )?(state|country|republic|zambia|tanzania|rwanda|pakistan|uganda|ghana|malawi|singapore|qatar|sri lanka|zimbabwe)|outside (the )?territor(y|ial)|extraterritorial|wherever committed|regardless of (the )?(location|place|nationality)|effect in|against the (state|republic|government)|on board a (ship|vessel|aircraft))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ExtraterritorialPattern();

    [GeneratedRegex(@"\b(search(es|ed)?|seiz(e|es|ed|ure)|produc(e|tion) (order|of)|preserv(e|ation)|disclos(e|ure) of (traffic|subscriber|stored)|access (to|any) (a |the )?(computer|data|information)|inspect(ion)?|examine|copy (of )?(any )?data|take possession)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex PowerSearchSeizurePattern();

    [GeneratedRegex(@"\b(intercept(ion|ed|s)?|real[- ]time|monitor(ing)?|surveillance|wiretap|collect(ion)? or record|record(ing)? (of )?(content|traffic))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex PowerInterceptionPattern();

    [GeneratedRegex(@"\b(spontaneous(ly)? (information|disclos)|transfer(red|s)? (of )?(personal )?data|share (information|data)|provide (to|the) (requesting|foreign)|mutual (legal )?assistance|request(ing|ed)? (party|state)|foreign (state|government|law enforcement)|personal data)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex DataSharingPattern();

    // A safeguard that the text dispenses with ("without a warrant", "no court order is required", "need not obtain the
    // approval of a judge") is not a safeguard: the lookarounds below leave it out of the judicial-authorisation and
    // notification cues, and the optional-safeguard cue takes it, from the same words.

    // "Without" after a negation in the same clause ("shall not enter without a warrant") requires the safeguard.
    private const string Without = @"(?<!\b(not|no|never|nor)\b[^.;:]{0,80})without";

    // Words that dispense with what follows them.
    private const string Dispensing = @"(" + Without + @"|need not (obtain|seek|apply for)|dispens(e|es|ed|ing) with|in the absence of)";

    // "… shall not be required", after the safeguard.
    private const string NotRequired = @"\s+(shall|is|will|need)\s+not\s+(be\s+)?(required|necessary|needed|obtained)\b";

    // "… shall be required", after the safeguard, which "no" before it dispenses with.
    private const string BeRequired = @"\s+(shall|is|will)\s+be\s+(required|necessary|needed)\b";

    private const string DispensedBefore =
        @"(?<!\b(" + Dispensing + @"|not requir(e|es|ed|ing)|no need for)\s+((a|an|any|the|prior|first|previous|further|such|need for|obtaining|seeking|giving|(approval|authori[sz]ation|order|leave|permission|sanction) (of|from))\s+)*)";

    private const string NoneRequired = @"(?!(?<=\bno\s+(prior\s+)?)[\w ]{1,40}?" + BeRequired + ")";

    private const string NotRequiredAfter = "(?!" + NotRequired + ")";

    [GeneratedRegex(@"\b" + DispensedBefore + NoneRequired + @"(judge|magistrate|court order|order of (a |the )?(court|judge|magistrate)|warrant|judicial (authori[sz]ation|order|approval|review|or other independent)|independent (authority|review|supervision|oversight)|issued by (a |the )?(court|judge)|(high|district|competent) court|apply to (a |the )?(court|judge))\b" + NotRequiredAfter, Options, MatchTimeoutMilliseconds)]
    private static partial Regex JudicialAuthorisationPattern();

    [GeneratedRegex(@"\b(minister|police officer|law enforcement officer|investigating officer|authori[sz]ed officer|inspector|director[- ]general|the authority may|the agency may|public prosecutor|attorney[- ]general|competent authorit(y|ies) may|officer (of|in) charge)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ExecutiveAuthorisationPattern();

    [GeneratedRegex(@"\b(necessary (and|or) proportionate|proportional(ity)?|proportionate|strictly necessary|necessary (for|to) (the )?(purpose|investigation)|reasonably required|relevant (and|to)|specific (and )?articulable|probable cause|reasonable grounds|least intrusive|sufficient grounds)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex NecessityProportionalityPattern();

    [GeneratedRegex(@"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty|sixty|ninety)\s+(days?|months?|hours?|years?)\b|\b(not (to )?exceed(ing)?|maximum (period|duration)|period of|expire|renew(al|ed)?|extension)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex TimeLimitPattern();

    [GeneratedRegex(@"\b(specified (computer|data|person|communications?|premises)|specific (computer|data|person|communications?|criminal investigation)|particular(ly)? describ|identity of the person|only (for|to|if|where|in respect)|limited to|strictly)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ScopeLimitPattern();

    [GeneratedRegex(@"\b" + DispensedBefore + @"(notif(y|ied|ication)|notice to the (subscriber|customer|person|data subject)|inform(ed)? the (person|subscriber|customer|data subject)|delayed notice)\b" + NotRequiredAfter, Options, MatchTimeoutMilliseconds)]
    private static partial Regex NotificationPattern();

    [GeneratedRegex(@"\b(keep (it )?confidential|confidential(ity)?|secre(t|cy)|not (to )?disclose|non-disclosure|shall not disclose|without (the )?knowledge of)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex SecrecyPattern();

    [GeneratedRegex(@"\b(appeal|remed(y|ies)|review|challenge|compensation|damages|civil action|redress|complain(t)?|set aside|quash|suppress(ion)?)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RemedyPattern();

    [GeneratedRegex(@"\b(oversight|report(s|ing)? to (parliament|congress|the (national )?assembly)|annual report|statistic(s|al)|record of|register of|audit|supervis(ion|ory)|accountab(le|ility))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex OversightPattern();

    [GeneratedRegex(@"\b(dual criminality|double criminality|punishable under the laws of both|offence under the laws? of both)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex DualCriminalityPattern();

    [GeneratedRegex(@"\b(may refuse|shall refuse|refus(e|al) (assistance|the request|to extradite|extradition)|political offen[cs]e|prejudice (its |the )?(sovereignty|security|ordre public|essential interests)|persecut(e|ion)|on account of (his|her|that person'?s) (race|religion|nationality|political)|grounds? for refusal|shall not be (granted|extradited))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RefusalGroundPattern();

    [GeneratedRegex(@"\b(human rights|fundamental (rights|freedoms)|right to privacy|privacy|data protection|protection of personal data|freedom of (expression|speech|opinion)|international (human rights )?(law|obligations)|covenant)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex HumanRightsPattern();

    [GeneratedRegex(@"\b(" + Dispensing + @" ((a|an|any|the|prior|first|previous|further|need for)\s+)*(warrant|court order|judicial (authori[sz]ation|order|approval)|(approval|authori[sz]ation|order|leave) of (a |the )?(court|judge|magistrate)|notice|notif(y|ying|ication))|warrantless|(warrant|court order)" + NotRequired + @"|no\s+(prior\s+)?(warrant|court order)" + BeRequired + @"|as appropriate|where appropriate|in accordance with (its |their )?(domestic|national) law|subject to (its |their )?(domestic|national) law|to the extent (permitted|consistent)|inter alia|provided for under (its |their )?domestic law)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex OptionalSafeguardPattern();

    [GeneratedRegex(@"\b(shall|must|is required to|are required to)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex MandatoryPattern();

    [GeneratedRegex(@"\b(may|is empowered to|is entitled to|has power to|has the power to|at (its|his|her) discretion)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex PermissivePattern();

    [GeneratedRegex(@"\b(service providers?|internet service|telecommunications? (operator|provider|service)|network operator|intermediar(y|ies)|platforms?|online (location|service))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex ServiceProviderPattern();

    // Disabling a computer, a system or its security is interference with a system (an offence), not blocking of content.
    [GeneratedRegex(@"\b(block(ing|ed)?|remov(e|al)|take ?down|disabl(e|ing)( access)?(?! (the |a |an |any )?(computer|system|security|protection|device|program|network))|stop[- ]communication|correction direction|restrict(ion)? (of )?(access|account)|account restriction)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex BlockingRemovalPattern();

    [GeneratedRegex(@"\b(retain|retention|keep (records?|data|logs)|store .{0,30} for (a period|\d+))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RetentionPattern();

    [GeneratedRegex(@"\b(liable,? on conviction|imprisonment|fine not exceeding|fine of not|sentence of|penalty|punish(ed|able)|penalty units?|rupees|kwacha|shillings|dollars|QR)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex PenaltyPattern();

    [GeneratedRegex(@"(\bmeans\b|\bincludes\b|\bthe term\b|\bin this (act|law|convention|part|chapter)\b|\bfor the purposes? of this\b)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex DefinitionPattern();

    [GeneratedRegex(@"\b(board|committee|chairperson|members? of the|secretariat|fund|accounts|salar(y|ies)|remuneration|tenure|quorum|meetings?|staff|appointment|the authority shall|established)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex InstitutionalPattern();
}
