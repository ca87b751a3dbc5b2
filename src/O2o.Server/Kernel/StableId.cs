using System.Security.Cryptography;
using System.Text;

namespace O2o.Server.Kernel;

/// <summary>Name-based ids (RFC 9562 version 8 from SHA-256), so the demo world has the same ids on every fresh start.</summary>
public static class StableId
{
    public static Guid From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
