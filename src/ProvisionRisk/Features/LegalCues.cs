using System.Text.RegularExpressions;

namespace ProvisionRisk.Features;

/// <summary>
/// The catalogue of legal cues used as features and as evidence: intent and "without right" elements, optional
/// qualifiers, broad scope, content terms, compelled assistance, and the binding safeguards that cure them
/// (judicial authorisation, necessity and proportionality, time limits, notification, remedies, dual criminality).
/// </summary>
public static class LegalCues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Gets every cue, in a fixed order (the order of the cue features).</summary>
    public static IReadOnlyList<LegalCue> All { get; } =
    [
        Cue("intent", "a mental element: intentionally, knowingly, wilfully, with intent, dishonestly",
            @"\b(intentional(ly)?|knowing(ly)?|wil+ful(ly)?|with (the )?intent|with (a |the )?(fraudulent|dishonest|criminal) intent|dishonest(ly)?|fraudulent(ly)?|deliberate(ly)?|maliciously|purposely)\b"),
        Cue("without-right", "an unlawfulness element: without right, without authority, unlawfully, without lawful excuse",
            @"\b(without (a )?right|without (lawful )?(authori[sz]ation|authority|excuse|consent|permission)|unlawful(ly)?|unauthori[sz]ed|without legal (justification|authority)|exceed(s|ing)? (his |her |their )?authori[sz]ed access|not entitled)\b"),
        Cue("optional-qualifier", "an element that a State may (but need not) require",
            @"\b(may require that|may reserve the right|may require (an|the) (additional|further)|a party may require|may provide that)\b"),
        Cue("serious-harm", "a harm or damage threshold",
            @"\b(serious (harm|damage|hindering|loss)|causes? (damage|loss|harm|injury)|results? in (serious )?(harm|damage|loss))\b"),
        Cue("any-offence-scope", "scope of powers or cooperation reaching any criminal offence or serious crime",
            @"\b(any (other )?(criminal )?offen[cs]es?|other criminal offen[cs]es committed by means of|any (other )?serious (crime|offen[cs]e)|serious crimes?|offen[cs]es? (under|against) any (other )?(written )?law|any crime|all (criminal )?offen[cs]es|widest (possible )?(measure|extent))\b"),
        Cue("closed-list", "scope tied to a closed list of defined offences",
            @"\b(offen[cs]es established in accordance with (articles?|this convention)|offen[cs]es? (under|created by|specified in) this (act|law|part|convention)|in accordance with articles? \d+ (through|to|-) \d+)\b"),
        Cue("any-person", "a duty or power reaching any person",
            @"\b(any person|every person|anyone|any individual|any other person|whoever)\b"),
        Cue("compelled-assistance", "a duty to give information, keys or assistance enabling access, search or decryption",
            @"\b(to provide (all )?(the )?(necessary )?(information|assistance)|render (such )?assistance|technical assistance|decrypt(ion)?|password|access code|encryption key|decryption key|knowledge (about|of) the functioning|to assist)\b"),
        Cue("content-term", "conduct defined by the content of information",
            @"\b(false|fake|falsehoods?|misleading|rumou?rs?|insult(s|ing)?|offensive|annoy(s|ing|ance)?|inconvenience|defam(e|es|ing|ation|atory)|obscene|indecent|immoral(ity)?|hatred|contempt|abusive|menacing|grossly|disturb(s|ing)? (the )?(public )?(peace|order)|public order|national unity|strife|religio(n|us)|blasphem(y|ous)|morals?|propaganda|sedition|seditious|incit(e|es|ing|ement)|glorif(y|ies|ication)|extremis(t|m)|harass(es|ment)?|bully(ing)?|distress)\b"),
        Cue("vague-term", "an elastic decisive element",
            @"\b(national security|public (interest|safety|peace|morality)|law and order|security of the state|friendly relations|economic (stability|interests)|likely to|any other (purpose|matter|reason)|undesirable|prejudicial|as (he|she|it|the minister|the authority) (thinks|considers|deems) (fit|necessary|appropriate)|reasonabl[ey] (believe|suspect|suspicion)|designed or adapted)\b"),
        Cue("research-exemption", "an exemption for testing, research, journalism or authorised protection",
            @"\b(authori[sz]ed testing|protection of a computer system|security research|research purposes|good faith|public interest|journalis(m|tic|ts?)|bona fide|shall not be interpreted as imposing criminal liability)\b"),
        Cue("child-protection", "child sexual abuse material",
            @"\b(child (pornography|sexual abuse material)|minor engaged in sexually explicit|sexual(ly)? (abuse|exploitation) of (a )?child(ren)?)\b"),
        Cue("extraterritorial", "jurisdiction over conduct outside the territory",
            @"\b(outside (the territory of |of )?(the )?(state|country|republic|zambia|tanzania|rwanda|pakistan|uganda|ghana|malawi|singapore|qatar|sri lanka|zimbabwe)|outside (the )?territor(y|ial)|extraterritorial|wherever committed|regardless of (the )?(location|place|nationality)|effect in|against the (state|republic|government)|on board a (ship|vessel|aircraft))\b"),
        Cue("power-search-seizure", "a search, seizure, production, preservation or access power",
            @"\b(search(es|ed)?|seiz(e|es|ed|ure)|produc(e|tion) (order|of)|preserv(e|ation)|disclos(e|ure) of (traffic|subscriber|stored)|access (to|any) (a |the )?(computer|data|information)|inspect(ion)?|examine|copy (of )?(any )?data|take possession)\b"),
        Cue("power-interception", "real-time collection or interception of communications or traffic",
            @"\b(intercept(ion|ed|s)?|real[- ]time|monitor(ing)?|surveillance|wiretap|collect(ion)? or record|record(ing)? (of )?(content|traffic))\b"),
        Cue("data-sharing", "transfer or sharing of data or evidence with another State or body",
            @"\b(spontaneous(ly)? (information|disclos)|transfer(red|s)? (of )?(personal )?data|share (information|data)|provide (to|the) (requesting|foreign)|mutual (legal )?assistance|request(ing|ed)? (party|state)|foreign (state|government|law enforcement)|personal data)\b"),
        Cue("judicial-authorisation", "prior authorisation or order by a judge, court or independent authority",
            @"\b(judge|magistrate|court order|order of (a |the )?(court|judge|magistrate)|warrant|judicial (authori[sz]ation|order|approval|review|or other independent)|independent (authority|review|supervision|oversight)|issued by (a |the )?(court|judge)|(high|district|competent) court|apply to (a |the )?(court|judge))\b"),
        Cue("executive-authorisation", "authorisation by a minister, police officer, agency or prosecutor",
            @"\b(minister|police officer|law enforcement officer|investigating officer|authori[sz]ed officer|inspector|director[- ]general|the authority may|the agency may|public prosecutor|attorney[- ]general|competent authorit(y|ies) may|officer (of|in) charge)\b"),
        Cue("necessity-proportionality", "a necessity, relevance or proportionality condition",
            @"\b(necessary (and|or) proportionate|proportional(ity)?|proportionate|strictly necessary|necessary (for|to) (the )?(purpose|investigation)|reasonably required|relevant (and|to)|specific (and )?articulable|probable cause|reasonable grounds|least intrusive|sufficient grounds)\b"),
        Cue("time-limit", "a limit of duration or a fixed period",
            @"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty|sixty|ninety)\s+(days?|months?|hours?|years?)\b|\b(not (to )?exceed(ing)?|maximum (period|duration)|period of|expire|renew(al|ed)?|extension)\b"),
        Cue("scope-limit", "a limit of targets, data categories or particularity",
            @"\b(specified (computer|data|person|communications?|premises)|specific (computer|data|person|communications?|criminal investigation)|particular(ly)? describ|identity of the person|only (for|to|if|where|in respect)|limited to|strictly)\b"),
        Cue("notification", "notice to the person concerned",
            @"\b(notif(y|ied|ication)|notice to the (subscriber|customer|person|data subject)|inform(ed)? the (person|subscriber|customer|data subject)|delayed notice)\b"),
        Cue("secrecy", "confidentiality or non-disclosure duties",
            @"\b(keep (it )?confidential|confidential(ity)?|secre(t|cy)|not (to )?disclose|non-disclosure|shall not disclose|without (the )?knowledge of)\b"),
        Cue("remedy", "a remedy, appeal, review or challenge",
            @"\b(appeal|remed(y|ies)|review|challenge|compensation|damages|civil action|redress|complain(t)?|set aside|quash|suppress(ion)?)\b"),
        Cue("oversight", "oversight, reporting, record-keeping or statistics",
            @"\b(oversight|report(s|ing)? to (parliament|congress|the (national )?assembly)|annual report|statistic(s|al)|record of|register of|audit|supervis(ion|ory)|accountab(le|ility))\b"),
        Cue("dual-criminality", "dual (double) criminality",
            @"\b(dual criminality|double criminality|punishable under the laws of both|offence under the laws? of both)\b"),
        Cue("refusal-ground", "a ground to refuse cooperation or extradition",
            @"\b(may refuse|shall refuse|refus(e|al) (assistance|the request|to extradite|extradition)|political offen[cs]e|prejudice (its |the )?(sovereignty|security|ordre public|essential interests)|persecut(e|ion)|on account of (his|her|that person'?s) (race|religion|nationality|political)|grounds? for refusal|shall not be (granted|extradited))\b"),
        Cue("human-rights", "an express human-rights, privacy or data-protection condition",
            @"\b(human rights|fundamental (rights|freedoms)|right to privacy|privacy|data protection|protection of personal data|freedom of (expression|speech|opinion)|international (human rights )?(law|obligations)|covenant)\b"),
        Cue("optional-safeguard", "a safeguard made optional or deferred to domestic law",
            @"\b(as appropriate|where appropriate|in accordance with (its |their )?(domestic|national) law|subject to (its |their )?(domestic|national) law|to the extent (permitted|consistent)|inter alia|provided for under (its |their )?domestic law)\b"),
        Cue("mandatory", "a mandatory duty",
            @"\b(shall|must|is required to|are required to)\b"),
        Cue("permissive", "a discretionary power",
            @"\b(may|is empowered to|is entitled to|has power to|has the power to|at (its|his|her) discretion)\b"),
        Cue("service-provider", "duties or powers directed at service providers",
            @"\b(service providers?|internet service|telecommunications? (operator|provider|service)|network operator|intermediar(y|ies)|platforms?|online (location|service))\b"),
        Cue("blocking-removal", "blocking, removal, takedown or disabling of content or accounts",
            @"\b(block(ing|ed)?|remov(e|al)|take ?down|disabl(e|ing)( access)?|stop[- ]communication|correction direction|restrict(ion)? (of )?(access|account)|account restriction)\b"),
        Cue("retention", "data retention duties",
            @"\b(retain|retention|keep (records?|data|logs)|store .{0,30} for (a period|\d+))\b"),
        Cue("penalty", "a criminal penalty",
            @"\b(liable,? on conviction|imprisonment|fine not exceeding|fine of not|sentence of|penalty|punish(ed|able)|penalty units?|rupees|kwacha|shillings|dollars|QR)\b"),
        Cue("definition", "a definition",
            @"(\bmeans\b|\bincludes\b|\bthe term\b|\bin this (act|law|convention|part|chapter)\b|\bfor the purposes? of this\b)"),
        Cue("institutional", "an institution, its members, funds or procedure",
            @"\b(board|committee|chairperson|members? of the|secretariat|fund|accounts|salar(y|ies)|remuneration|tenure|quorum|meetings?|staff|appointment|the authority shall|established)\b"),
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

    private static LegalCue Cue(string name, string description, string pattern) =>
        new(name, description, new Regex(pattern, Options, TimeSpan.FromSeconds(1)));
}
