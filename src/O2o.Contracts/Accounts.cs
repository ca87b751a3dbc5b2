namespace O2o.Contracts;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Phone);
public sealed record LoginRequest(string? Email, string? Password);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string[] Roles, string TokenType = "Bearer");
public sealed record UserCreatedResponse(string UserId);
public sealed record MeResponse(string UserId, string Email, string DisplayName, string[] Roles, string[] StoreIds, string? MerchantId,
    DateOnly? BirthDate = null, string? Gender = null, string? City = null);
/// <summary>A customer's profile: birth date (1900 to today), gender (female, male, other) and city (at most 40 characters); each may be null.</summary>
public sealed record UpdateProfileRequest(DateOnly? BirthDate, string? Gender, string? City);
public sealed record CreateStaffRequest(string? Email, string? Password, string? DisplayName, string[]? StoreIds, string? Role, string? MerchantId);
public sealed record CreateMerchantRequest(string? Name);
public sealed record MerchantResponse(string Id, string Name);
/// <summary>A staff account as admins see it: store staff with their stores, or a merchant admin.</summary>
public sealed record StaffMemberResponse(string UserId, string Email, string DisplayName, string[] Roles, string[] StoreIds, string? MerchantId,
    DateTimeOffset CreatedAt);
