namespace ProvisionRisk.Tests.Scoring;

/// <summary>
/// Hand-written minimal pairs (CheckList-style directional expectations): a provision, a variant that changes one
/// thing, the label concerned and whether the variant should score higher (+1) or lower (-1). None is copied from the
/// training data.
/// </summary>
internal static class BehaviourPairs
{
    public const string Overbreadth = "overbreadth";
    public const string Safeguards = "missing_safeguards";

    public static IReadOnlyList<BehaviourPair> All { get; } = Build();

    private static List<BehaviourPair> Build()
    {
        var pairs = new List<BehaviourPair>();

        // Removing the intent and "without right" elements of an offence raises overbreadth.
        string[] conducts =
        [
            "accesses a computer system belonging to another person",
            "copies data stored in a computer system of a public body",
            "interferes with the functioning of a network used by a bank",
            "obtains the password of an account held by another person",
            "alters or deletes electronic records kept by a hospital",
            "intercepts a transmission of data between two computers",
            "uses a device to scan a computer network for weaknesses",
            "modifies the configuration of a router operated by a provider of services",
        ];
        foreach (var conduct in conducts)
        {
            pairs.Add(new($"intent removed: {conduct}",
                $"A person who intentionally and without right {conduct} commits an offence and is liable on conviction to imprisonment for a term not exceeding two years.",
                $"A person who {conduct} commits an offence and is liable on conviction to imprisonment for a term not exceeding two years.",
                Overbreadth, +1));
        }

        // Replacing a closed list of offences by any criminal offence raises overbreadth.
        string[] powers =
        [
            "order the expeditious preservation of stored traffic data",
            "order a service provider to produce subscriber information in its possession",
            "search a computer system and seize the data stored in it",
            "collect traffic data in real time",
            "provide mutual assistance to another State Party",
            "share information with the competent authorities of another State Party",
        ];
        foreach (var power in powers)
        {
            pairs.Add(new($"any offence scope: {power}",
                $"The competent authorities may {power} for the purpose of investigating the offences established in accordance with articles 2 to 6 of this Convention.",
                $"The competent authorities may {power} for the purpose of investigating any criminal offence.",
                Overbreadth, +1));
        }

        // Making false or insulting content the conduct raises overbreadth.
        (string Name, string Narrow, string Content)[] contents =
        [
            ("false information", "transmits a computer virus designed to damage computer data", "publishes false information through a computer system"),
            ("insult", "sends a program designed to disable a computer system", "sends a message that insults a public official"),
            ("annoying", "floods a server with traffic so that it stops working", "sends messages that are annoying or cause inconvenience to another person"),
            ("offensive", "deletes data held in a protected computer", "posts content that is grossly offensive"),
            ("rumours", "disables the security measures of a computer system", "spreads rumours online"),
            ("public order", "takes control of a computer system without authority", "publishes content that disturbs public order or national unity"),
            ("immorality", "installs malicious software on a computer of another person", "shares material that promotes immorality"),
            ("religion", "damages the data of a financial institution", "publishes statements showing contempt for religion"),
        ];
        foreach (var (name, narrow, content) in contents)
        {
            pairs.Add(new($"content offence: {name}",
                $"A person who intentionally and without lawful excuse {narrow} commits an offence.",
                $"A person who intentionally and without lawful excuse {content} commits an offence.",
                Overbreadth, +1));
        }

        // Extending a duty of assistance from providers to any person raises overbreadth.
        string[] assistance =
        [
            "provide the information necessary to access the computer system",
            "disclose the password or decryption key for the data",
            "give technical assistance to the officer conducting the search",
            "reveal the functioning of the security measures protecting the data",
        ];
        foreach (var duty in assistance)
        {
            pairs.Add(new($"compelled assistance from any person: {duty}",
                $"A service provider shall, within its existing technical capability and on the order of a judge, {duty}.",
                $"The officer may order any person who has knowledge about the functioning of the computer system to {duty}.",
                Overbreadth, +1));
        }

        // Making an exemption for research or testing disappear raises overbreadth.
        string[] tools =
        [
            "produces, sells or distributes a program designed for committing an offence",
            "possesses a device adapted for gaining access to a computer system",
            "makes available a password by which a computer system may be accessed",
        ];
        foreach (var tool in tools)
        {
            pairs.Add(new($"research exemption removed: {tool}",
                $"A person who intentionally and without right {tool} commits an offence. This section shall not be interpreted as imposing criminal liability where the conduct is for authorised testing or the protection of a computer system.",
                $"A person who {tool} commits an offence.",
                Overbreadth, +1));
        }

        // Elastic grounds raise overbreadth.
        string[] grounds = ["national security", "public interest", "friendly relations with foreign states"];
        foreach (var ground in grounds)
        {
            pairs.Add(new($"vague ground: {ground}",
                "The Authority may direct a service provider to remove content which a court has found to be child sexual abuse material.",
                $"The Authority may direct a service provider to remove any content which the Authority considers prejudicial to {ground}.",
                Overbreadth, +1));
        }

        // Adding prior judicial authorisation lowers missing safeguards.
        string[] intrusive =
        [
            "intercept the content of communications",
            "collect traffic data in real time",
            "search a computer system and seize data",
            "require a service provider to disclose stored communications",
            "install a forensic tool on the computer of a suspect",
            "track the location of a mobile device",
            "require the disclosure of subscriber information",
            "access data stored in a cloud service",
        ];
        foreach (var act in intrusive)
        {
            pairs.Add(new($"judicial authorisation added: {act}",
                $"A police officer may {act} where the officer considers it useful for an investigation.",
                $"A police officer may {act} only under a warrant issued by a judge, who shall be satisfied that the measure is necessary and proportionate to the investigation of a specified offence.",
                Safeguards, -1));
        }

        // Making dual criminality mandatory lowers missing safeguards.
        string[] cooperation =
        [
            "execute a request for the search and seizure of stored data",
            "execute a request for the real-time collection of traffic data",
            "grant extradition of a person sought by the requesting State",
            "execute a request for the interception of content data",
        ];
        foreach (var request in cooperation)
        {
            pairs.Add(new($"dual criminality mandatory: {request}",
                $"The requested State shall {request} whether or not the conduct is an offence under its own law.",
                $"The requested State shall refuse to {request} unless the conduct is punishable under the laws of both States (dual criminality), and may refuse where the request concerns a political offence.",
                Safeguards, -1));
        }

        // Limiting duration lowers missing safeguards.
        string[] durations =
        [
            "The order for the interception of communications shall remain in force until it is revoked by the Minister.",
            "The order for the preservation of data shall remain in force for such period as the officer thinks fit.",
            "The surveillance of the person shall continue for as long as the Agency considers necessary.",
            "The order for the collection of traffic data shall remain in force until the investigation is complete.",
        ];
        foreach (var open in durations)
        {
            var limited = open[..open.IndexOf(" shall ", StringComparison.Ordinal)] +
                " shall be granted by a judge for a period not exceeding thirty days, and may be renewed only once, by a judge, on fresh grounds.";
            pairs.Add(new("duration limited: " + open[..30], open, limited, Safeguards, -1));
        }

        // Notification and a remedy lower missing safeguards.
        string[] notified =
        [
            "The authority may require a service provider to disclose the stored communications of a subscriber.",
            "The investigating officer may obtain the location data of a suspect from a telecommunications operator.",
            "The Agency may obtain the records of a person's internet use from a service provider.",
        ];
        foreach (var measure in notified)
        {
            pairs.Add(new("notice and remedy added: " + measure[..30], measure,
                measure + " The person concerned shall be notified within thirty days after the disclosure and may apply to the High Court to challenge the order and to obtain compensation.",
                Safeguards, -1));
        }

        // Secrecy without a time limit raises missing safeguards.
        string[] orders =
        [
            "A service provider that receives a preservation order shall preserve the data specified in the order.",
            "A telecommunications operator that receives an interception warrant shall give effect to the warrant.",
            "The requested State shall execute the request for the production of stored data.",
            "A person who is served with a production order shall produce the documents specified in it.",
        ];
        foreach (var order in orders)
        {
            pairs.Add(new("secrecy added: " + order[..30], order,
                order + " It shall keep confidential the fact and substance of the order and shall not disclose it to any person, including the subscriber.",
                Safeguards, +1));
        }

        // Executive instead of judicial orders raise missing safeguards.
        string[] orderTypes =
        [
            "an order requiring a service provider to intercept the communications of a person",
            "an order for the search of premises and the seizure of computers",
            "an order requiring the disclosure of traffic data",
        ];
        foreach (var orderType in orderTypes)
        {
            pairs.Add(new("executive order: " + orderType[..30],
                $"A judge of the High Court may, on an application showing reasonable grounds, issue {orderType}, for a period not exceeding thirty days.",
                $"The Minister may, where he thinks fit, issue {orderType}.",
                Safeguards, +1));
        }

        // Deferring safeguards to domestic law raises missing safeguards.
        string[] deferred =
        [
            "the real-time collection of traffic data",
            "the production of stored content data",
            "the search of computer systems",
        ];
        foreach (var power in deferred)
        {
            pairs.Add(new("safeguards deferred: " + power,
                $"Powers for {power} shall be exercised only with the prior authorisation of a judge, for a specified person and period, and the person concerned shall be notified once the investigation allows.",
                $"Powers for {power} shall be subject to such conditions and safeguards as may be provided for under domestic law, as appropriate.",
                Safeguards, +1));
        }

        // Dispensing with a warrant raises missing safeguards (the codebook's "without a warrant").
        (string Actor, string Measure)[] warrantless =
        [
            ("An authorised officer", "enter any premises and seize any computer found there"),
            ("A police officer", "require a service provider to disclose the content of stored communications"),
            ("The Agency", "install a device to record the traffic data of a subscriber"),
        ];
        foreach (var (actor, measure) in warrantless)
        {
            pairs.Add(new("warrant dispensed with: " + measure[..30],
                $"{actor} may, under a warrant issued by a magistrate, {measure}.",
                $"{actor} may, without a warrant, {measure}.",
                Safeguards, +1));
        }

        return pairs;
    }
}

/// <summary>A minimal pair: the variant should move <see cref="Label"/> in <see cref="Direction"/> (+1 up, -1 down).</summary>
internal sealed record BehaviourPair(string Name, string Original, string Variant, string Label, int Direction);
