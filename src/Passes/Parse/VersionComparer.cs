namespace Tapline.Passes.Parse;

/// <summary>Compares version strings as glibc's strverscmp does for the usual cases: digit runs by value.</summary>
internal static class VersionComparer
{
    public static int Compare(string left, string right)
    {
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (char.IsAsciiDigit(left[i]) && char.IsAsciiDigit(right[j]))
            {
                var leftStart = i;
                var rightStart = j;
                while (i < left.Length && char.IsAsciiDigit(left[i])) i++;
                while (j < right.Length && char.IsAsciiDigit(right[j])) j++;
                var byValue = CompareDigits(left[leftStart..i], right[rightStart..j]);
                if (byValue != 0)
                    return byValue;
                continue;
            }
            if (left[i] != right[j])
                return left[i].CompareTo(right[j]);
            i++;
            j++;
        }
        return (left.Length - i).CompareTo(right.Length - j);
    }

    private static int CompareDigits(string left, string right)
    {
        left = left.TrimStart('0');
        right = right.TrimStart('0');
        return left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);
    }
}
