using System.Buffers.Binary;
using System.Text;

namespace MeshOps.Simulation.Kubernetes.Streams.Spdy;

/// <summary>One SPDY/3 frame: a control frame (<see cref="Type"/> &gt; 0) or a data frame of <see cref="StreamId"/>.</summary>
internal sealed record SpdyFrame(int Type, uint StreamId, byte Flags, byte[] Payload)
{
    public const int SynStream = 1, SynReply = 2, RstStream = 3, Ping = 6, GoAway = 7;
    public const byte Fin = 0x01;

    public bool IsData => Type == 0;

    /// <summary>Reads the next frame, or null at the end of the connection.</summary>
    public static async Task<SpdyFrame?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var header = new byte[8];
        try
        {
            await stream.ReadExactlyAsync(header, ct);
        }
        catch (EndOfStreamException)
        {
            return null;
        }

        var length = (header[5] << 16) | (header[6] << 8) | header[7];
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, ct);
        if ((header[0] & 0x80) == 0)
            return new SpdyFrame(0, BinaryPrimitives.ReadUInt32BigEndian(header) & 0x7fffffff, header[4], payload);
        var type = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
        var streamId = type is SynStream or SynReply or RstStream && length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7fffffff : 0;
        return new SpdyFrame(type, streamId, header[4], payload);
    }

    public static byte[] Data(uint streamId, ReadOnlySpan<byte> data, bool fin)
    {
        var frame = new byte[8 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, streamId & 0x7fffffff);
        frame[4] = fin ? Fin : (byte)0;
        WriteLength(frame, data.Length);
        data.CopyTo(frame.AsSpan(8));
        return frame;
    }

    public static byte[] Control(int type, byte flags, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = 0x80;
        frame[1] = 3;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)type);
        frame[4] = flags;
        WriteLength(frame, payload.Length);
        payload.CopyTo(frame.AsSpan(8));
        return frame;
    }

    /// <summary>
    /// An empty header block as the next piece of this connection's zlib stream: the zlib header first (no preset
    /// dictionary is needed to read stored blocks), then a stored block holding "0 pairs" and the empty stored block
    /// of a sync flush (Go's inflater hands out a block's bytes only at that marker).
    /// </summary>
    public static byte[] EmptyHeaderBlock(bool first)
    {
        var block = new List<byte>();
        if (first)
            block.AddRange([0x78, 0x01]);
        block.AddRange([0x00, 0x04, 0x00, 0xfb, 0xff, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0xff, 0xff]);
        return [.. block];
    }

    /// <summary>The name/value pairs of an inflated header block (values joined by NUL are kept whole).</summary>
    public static Dictionary<string, string> Headers(ReadOnlySpan<byte> block)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var count = BinaryPrimitives.ReadInt32BigEndian(block);
        var at = 4;
        for (var i = 0; i < count; i++)
        {
            var nameLength = BinaryPrimitives.ReadInt32BigEndian(block[at..]);
            var name = Encoding.UTF8.GetString(block.Slice(at + 4, nameLength));
            at += 4 + nameLength;
            var valueLength = BinaryPrimitives.ReadInt32BigEndian(block[at..]);
            headers[name] = Encoding.UTF8.GetString(block.Slice(at + 4, valueLength));
            at += 4 + valueLength;
        }

        return headers;
    }

    private static void WriteLength(byte[] frame, int length)
    {
        frame[5] = (byte)(length >> 16);
        frame[6] = (byte)(length >> 8);
        frame[7] = (byte)length;
    }
}
