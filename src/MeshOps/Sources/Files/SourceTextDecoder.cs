using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MeshOps.Sources.Files;

/// <summary>
/// Decodes a manifest file's bytes. UTF-8 is checked strictly (a Latin-1 or binary file must be an error,
/// not mojibake); a byte order mark selects UTF-8, UTF-16 or UTF-32 as editors on Windows write them.
/// </summary>
internal static class SourceTextDecoder
{
    public static bool TryDecode(byte[] bytes, string file, out string text, out LoadError? error)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith<byte>([0xFF, 0xFE, 0x00, 0x00]))
            return TryDecodeWith(new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), bytes, 4, file, out text, out error);
        if (span.StartsWith<byte>([0x00, 0x00, 0xFE, 0xFF]))
            return TryDecodeWith(new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), bytes, 4, file, out text, out error);
        if (span.StartsWith<byte>([0xFF, 0xFE]))
            return TryDecodeWith(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2, file, out text, out error);
        if (span.StartsWith<byte>([0xFE, 0xFF]))
            return TryDecodeWith(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2, file, out text, out error);
        return TryDecodeUtf8(span.StartsWith<byte>([0xEF, 0xBB, 0xBF]) ? span[3..] : span, file, out text, out error);
    }

    private static bool TryDecodeUtf8(ReadOnlySpan<byte> utf8, string file, out string text, out LoadError? error)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(utf8, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                text = new string(chars, 0, charsWritten);
                error = null;
                return true;
            }
            var before = utf8[..bytesRead];
            var line = before.Count((byte)'\n') + 1;
            var column = bytesRead - before.LastIndexOf((byte)'\n');
            text = "";
            error = new LoadError(LoadErrorIds.InvalidEncoding, new SourceLocation(file, line, column),
                $"The file is not valid UTF-8 (byte 0x{utf8[bytesRead]:X2} at offset {bytesRead}); save it as UTF-8.");
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool TryDecodeWith(Encoding encoding, byte[] bytes, int bomLength, string file, out string text, out LoadError? error)
    {
        try
        {
            text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
            error = null;
            return true;
        }
        catch (DecoderFallbackException invalid)
        {
            // Decode the valid prefix leniently just to count lines, so the error can name one.
            var validLength = Math.Clamp(invalid.Index, 0, bytes.Length - bomLength);
            var line = Encoding.GetEncoding(encoding.CodePage).GetString(bytes, bomLength, validLength).AsSpan().Count('\n') + 1;
            text = "";
            error = new LoadError(LoadErrorIds.InvalidEncoding, new SourceLocation(file, line, 1),
                $"The file starts with a {encoding.WebName} byte order mark but is not valid {encoding.WebName} (at byte {bomLength + invalid.Index}).");
            return false;
        }
    }
}
