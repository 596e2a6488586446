using System.Text;

namespace ProvisionRisk.Documents;

/// <summary>Renders list numbers as letters and roman numerals, for formats whose lists number themselves.</summary>
internal static class ListNumbering
{
    /// <summary>1 → a, 26 → z, 27 → aa (the way word processors continue a lettered list).</summary>
    public static string Letters(int n, char first)
    {
        if (n < 1)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var letter = (char)(first + ((n - 1) % 26));
        return new string(letter, ((n - 1) / 26) + 1);
    }

    /// <summary>Lower-case roman numeral of <paramref name="n"/> (1 to 3999).</summary>
    public static string Roman(int n)
    {
        if (n is < 1 or > 3999)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var result = new StringBuilder();
        (int Value, string Symbol)[] table =
            [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
        foreach (var (value, symbol) in table)
        {
            while (n >= value)
            {
                result.Append(symbol);
                n -= value;
            }
        }

        return result.ToString();
    }
}
