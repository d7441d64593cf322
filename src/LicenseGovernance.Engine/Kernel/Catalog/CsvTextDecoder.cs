using System.Text;

namespace LicenseGovernance.Engine.Kernel.Catalog
{
    /// <summary>
    /// Turns a downloaded CSV into text. Microsoft's licensing CSV has been published both as UTF-8 (with and without
    /// a byte-order mark) and as Windows-1252 (the October 2024 copy has en dashes as byte 0x96 and no-break spaces
    /// as 0xA0), and netstandard2.0 on .NET Core has no code page 1252 without an extra package.
    /// </summary>
    internal static class CsvTextDecoder
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        // Windows-1252 differs from Latin-1 only in 0x80-0x9F; the five undefined bytes keep their Latin-1 meaning.
        private static readonly char[] Windows1252High =
        {
            '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
            '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
            '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
            '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
        };

        public static string Decode(byte[] bytes)
        {
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                return StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
                return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
                return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);

            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return DecodeWindows1252(bytes);
            }
        }

        private static string DecodeWindows1252(byte[] bytes)
        {
            var chars = new char[bytes.Length];
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                chars[i] = b >= 0x80 && b <= 0x9F ? Windows1252High[b - 0x80] : (char)b;
            }
            return new string(chars);
        }
    }
}
