// Well-known passwords: a shipped list from public breached-password top lists, plus a check
// that sees through the usual disguises (capital first letter, leetspeak, digits/symbols at the end).
// Pure data and string work, no Node APIs: the password schema runs it in the browser too.

/** Exact entries (lower-cased), drawn from published "most common password" top lists. */
// prettier-ignore
const WELL_KNOWN_PASSWORDS: readonly string[] = [
  // Digit and keyboard runs
  "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "0123456789",
  "987654321", "9876543210", "654321", "111111", "1111111", "11111111", "000000", "00000000",
  "121212", "123123", "123123123", "123321", "112233", "131313", "159753", "147258369", "555555",
  "666666", "696969", "777777", "7777777", "888888", "88888888", "999999", "99999999", "123654",
  "1q2w3e", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4", "q1w2e3r4t5", "1qaz2wsx",
  "1qaz2wsx3edc", "zaq12wsx", "zaq1zaq1", "zaq1xsw2", "qazwsx", "qazwsxedc", "qwe123", "qweasd",
  "qweasdzxc", "asd123", "asdasd", "asdf1234", "asdfasdf", "asdfgh", "asdfghjkl", "qwer1234",
  "qwert", "qwerty", "qwerty1", "qwerty12", "qwerty123", "qwerty1234", "qwerty123!", "qwertyui",
  "qwertyuiop", "qwertz", "azerty", "zxcvbn", "zxcvbnm", "1234qwer", "123qwe", "123qweasd",
  "123qweasdzxc", "aa123456", "aa12345678", "a123456", "a12345678", "abc123", "abc1234",
  "abc12345", "abc123456", "abcd1234", "abcdef", "abcdefgh", "abcd", "aaaaaa", "aaaaaaaa",
  "a1b2c3", "a1b2c3d4", "1a2b3c4d", "p@ssw0rd", "p@ssword", "passw0rd",
  // "password" and its variants
  "password", "password1", "password12", "password123", "password1234", "password!", "password1!",
  "password123!", "password@123", "password@1", "password#1", "p@ssw0rd1", "p@ssw0rd!",
  "p@ssw0rd123", "p@ssw0rd123!", "p@$$w0rd", "pa$$w0rd", "pa$$word", "passwort", "pass",
  "pass1234", "pass@123", "pass123", "passpass", "mypassword", "newpassword", "secret", "secret1",
  "secret123", "changeme", "changeme1", "change_me", "default",
  // Words and names that top every list
  "iloveyou", "iloveyou1", "iloveyou!", "iloveyou2", "letmein", "letmein1", "letmein!", "welcome",
  "welcome1", "welcome1!", "welcome123", "welcome@123", "admin", "admin1", "admin12", "admin123",
  "admin1234", "admin123!", "admin@123", "administrator", "root", "root123", "toor", "login",
  "login123", "guest", "guest123", "user", "user123", "test", "test1", "test123", "test1234",
  "testing", "temp", "temp123", "master", "master123", "monkey", "monkey1", "dragon", "dragon1",
  "shadow", "shadow1", "sunshine", "sunshine1", "princess", "princess1", "football", "football1",
  "baseball", "baseball1", "soccer", "hockey", "basketball", "superman", "superman1", "batman",
  "batman1", "spiderman", "starwars", "starwars1", "trustno1", "trustno1!", "freedom", "whatever",
  "qwerty!", "michael", "michael1", "jennifer", "jordan", "jordan23", "hunter", "hunter2",
  "buster", "harley", "andrew", "tigger", "charlie", "robert", "thomas", "daniel", "george",
  "jessica", "michelle", "ashley", "amanda", "nicole", "matthew", "joshua", "pepper", "ginger",
  "maggie", "cheese", "summer", "computer", "internet", "access", "killer", "mustang", "ranger",
  "thunder", "taylor", "matrix", "yankees", "dallas", "austin", "chelsea", "liverpool", "arsenal",
  "banana", "orange", "apple", "chocolate", "cookie", "flower", "butterfly", "purple", "lovely",
  "loveme", "love", "lovelove", "iloveu", "hello", "hello123", "hello1", "hellohello",
  "helloworld", "hello world", "freedom1", "whatever1", "nothing", "blink182", "pokemon",
  "naruto", "pikachu", "doraemon", "anime", "samsung", "google", "facebook", "microsoft",
  "windows", "linux", "apple123", "iphone", "android", "shopping", "money", "money123", "silver",
  "golden", "diamond", "angel", "angel1", "jesus", "jesus1", "god", "forever", "family",
  "friends", "secret!", "abc123!", "qazwsx123", "mynoob", "zxcvbnm1", "asdfghjk", "football!",
  "monkey123", "dragon123", "sunshine123", "princess123", "superman123", "letmein123",
  "iloveyou123", "trustno1234", "password2024", "password2025", "password2026", "summer2024",
  "summer2025", "winter2024", "winter2025", "spring2025", "autumn2025",
  // Japanese-context favourites
  "nippon", "japan", "japan123", "tokyo", "tokyo123", "osaka", "kyoto", "yokohama", "sakura",
  "sakura123", "fujisan", "nihon", "arigatou", "konnichiwa", "ohayou", "kensetsu", "kensetsu123",
  "ccus", "ccus1234", "ccus2024", "ccus2025", "ccus2026", "career", "careerup", "careerup1",
  "genba", "shokunin", "tanaka", "suzuki", "satou", "takahashi", "yamamoto", "watanabe", "yamada",
  "taro", "hanako", "yamadataro", "gundam", "ultraman", "totoro",
];

/**
 * Base words that stay weak however they are dressed up: `Password1!`, `P@ssw0rd123!` and
 * `Welcome1!` all reduce to one of these after de-leeting and stripping digits/symbols.
 */
// prettier-ignore
const COMMON_BASE_WORDS: readonly string[] = [
  "password", "passwort", "passw", "pass", "passpass", "mypassword", "secret", "changeme",
  "default", "qwerty", "qwertz", "azerty", "qwertyuiop", "asdf", "asdfgh", "asdfghjkl", "zxcvbn",
  "zxcvbnm", "qazwsx", "letmein", "welcome", "admin", "administrator", "root", "login", "guest",
  "user", "test", "testing", "temp", "iloveyou", "iloveu", "loveme", "love", "hello",
  "helloworld", "dragon", "monkey", "abc", "abcd", "abcdef", "abcde", "sunshine", "football",
  "baseball", "basketball", "soccer", "hockey", "master", "princess", "starwars", "trustno",
  "shadow", "superman", "batman", "spiderman", "michael", "jennifer", "jordan", "hunter",
  "buster", "tigger", "charlie", "computer", "internet", "freedom", "whatever", "killer",
  "mustang", "ranger", "thunder", "matrix", "pokemon", "pikachu", "naruto", "doraemon", "google",
  "samsung", "iphone", "android", "windows", "money", "summer", "winter", "spring", "autumn",
  "flower", "cookie", "banana", "chocolate", "angel", "jesus",
  // Japanese context: the system's own name, the industry, places and common names
  "ccus", "kensetsu", "kensetu", "career", "careerup", "genba", "shokunin", "tokyo", "osaka",
  "kyoto", "yokohama", "nippon", "nihon", "japan", "sakura", "fujisan", "arigatou", "gundam",
  "totoro", "tanaka", "suzuki", "satou", "yamada", "taro", "hanako",
];

/** Fragments that make a password guessable wherever they appear (after de-leeting). */
// prettier-ignore
const GUESSABLE_FRAGMENTS: readonly string[] = [
  "password", "passwort", "qwerty", "asdfgh", "zxcvbn", "qazwsx", "1qaz2wsx", "iloveyou",
  "letmein", "trustno1",
];

const wellKnownSet: ReadonlySet<string> = new Set(WELL_KNOWN_PASSWORDS);
const baseWordSet: ReadonlySet<string> = new Set(COMMON_BASE_WORDS);

// "1" stands for both "i" and "l", so de-leeting yields one variant per reading.
const LEET_COMMON: Readonly<Record<string, string>> = {
  "@": "a",
  "4": "a",
  "0": "o",
  "3": "e",
  $: "s",
  "5": "s",
  "7": "t",
  "!": "i",
};

function deLeet(text: string, one: "i" | "l"): string {
  let out = "";
  for (const ch of text) {
    out += ch === "1" ? one : (LEET_COMMON[ch] ?? ch);
  }
  return out;
}

function isLetter(ch: string): boolean {
  return ch >= "a" && ch <= "z";
}

/**
 * Every "core" of the password: the text left after removing any part of a leading and of a
 * trailing run of non-letters. `p@ssw0rd123!` gives p@ssw0rd123!, p@ssw0rd123, …, p@ssw0rd.
 * Cores may still hold leet characters; de-leeting happens afterwards.
 */
function cores(lower: string): string[] {
  const chars = Array.from(lower);
  let leadEnd = 0;
  while (leadEnd < chars.length && !isLetter(chars[leadEnd] ?? "")) leadEnd += 1;
  let trailStart = chars.length;
  while (trailStart > leadEnd && !isLetter(chars[trailStart - 1] ?? "")) trailStart -= 1;
  const result: string[] = [];
  for (let start = 0; start <= leadEnd; start += 1) {
    for (let end = chars.length; end >= trailStart && end > start; end -= 1) {
      result.push(chars.slice(start, end).join(""));
    }
  }
  return result;
}

// Longer than any entry and far past the length rule; also bounds the quadratic core search
// when a server action receives an oversized value.
const MAX_CHECKED_LENGTH = 64;

/** True when the password is on the shipped list or is a common word in disguise. */
export function isWellKnownPassword(password: string): boolean {
  if (password.length > MAX_CHECKED_LENGTH) return false;
  const lower = password.toLowerCase();
  if (wellKnownSet.has(lower)) return true;

  const variants = [lower, deLeet(lower, "i"), deLeet(lower, "l")];
  if (variants.some((v) => GUESSABLE_FRAGMENTS.some((fragment) => v.includes(fragment)))) {
    return true;
  }

  for (const core of cores(lower)) {
    if (wellKnownSet.has(core) || baseWordSet.has(core)) return true;
    for (const one of ["i", "l"] as const) {
      const plain = deLeet(core, one);
      if (baseWordSet.has(plain) || wellKnownSet.has(plain)) return true;
    }
  }
  return false;
}
