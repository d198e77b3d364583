// Realistic, deterministic Japanese test people for the test kit's scenarios (issue 10): the
// same seed always gives the same name (kanji and kana), birth date, address and phone number.
// A small built-in table; nothing here is a real person.
import { createHash } from "node:crypto";

const FAMILY_NAMES: readonly (readonly [string, string])[] = [
  ["佐藤", "サトウ"],
  ["鈴木", "スズキ"],
  ["高橋", "タカハシ"],
  ["田中", "タナカ"],
  ["伊藤", "イトウ"],
  ["渡辺", "ワタナベ"],
  ["山本", "ヤマモト"],
  ["中村", "ナカムラ"],
  ["小林", "コバヤシ"],
  ["加藤", "カトウ"],
  ["吉田", "ヨシダ"],
  ["山田", "ヤマダ"],
  ["佐々木", "ササキ"],
  ["山口", "ヤマグチ"],
  ["松本", "マツモト"],
  ["井上", "イノウエ"],
  ["木村", "キムラ"],
  ["林", "ハヤシ"],
  ["斎藤", "サイトウ"],
  ["清水", "シミズ"],
  ["山崎", "ヤマザキ"],
  ["森", "モリ"],
  ["池田", "イケダ"],
  ["橋本", "ハシモト"],
  ["阿部", "アベ"],
  ["石川", "イシカワ"],
  ["前田", "マエダ"],
  ["藤田", "フジタ"],
  ["小川", "オガワ"],
  ["岡田", "オカダ"],
];

const GIVEN_NAMES: Record<"男性" | "女性", readonly (readonly [string, string])[]> = {
  男性: [
    ["太郎", "タロウ"],
    ["健太", "ケンタ"],
    ["大輔", "ダイスケ"],
    ["翔太", "ショウタ"],
    ["拓也", "タクヤ"],
    ["直樹", "ナオキ"],
    ["誠", "マコト"],
    ["浩二", "コウジ"],
    ["亮", "リョウ"],
    ["隆", "タカシ"],
    ["和也", "カズヤ"],
    ["雄一", "ユウイチ"],
    ["剛", "ツヨシ"],
    ["悠斗", "ユウト"],
    ["蓮", "レン"],
  ],
  女性: [
    ["花子", "ハナコ"],
    ["陽子", "ヨウコ"],
    ["美咲", "ミサキ"],
    ["由美", "ユミ"],
    ["恵", "メグミ"],
    ["裕子", "ユウコ"],
    ["直美", "ナオミ"],
    ["彩", "アヤ"],
    ["真由美", "マユミ"],
    ["愛", "アイ"],
    ["千尋", "チヒロ"],
    ["結衣", "ユイ"],
    ["智子", "トモコ"],
    ["麻衣", "マイ"],
    ["葵", "アオイ"],
  ],
};

/** Prefecture, town (市区町村 + 町名) and a postal code of that town. */
const PLACES: readonly (readonly [string, string, string])[] = [
  ["北海道", "札幌市中央区北一条西", "060-0001"],
  ["宮城県", "仙台市青葉区本町", "980-0014"],
  ["埼玉県", "さいたま市浦和区高砂", "330-0063"],
  ["千葉県", "千葉市中央区中央", "260-0013"],
  ["東京都", "千代田区丸の内", "100-0005"],
  ["東京都", "新宿区西新宿", "160-0023"],
  ["東京都", "世田谷区三軒茶屋", "154-0024"],
  ["神奈川県", "横浜市中区本町", "231-0005"],
  ["神奈川県", "川崎市川崎区宮本町", "210-0004"],
  ["新潟県", "新潟市中央区万代", "950-0088"],
  ["静岡県", "静岡市葵区追手町", "420-0853"],
  ["愛知県", "名古屋市中区栄", "460-0008"],
  ["京都府", "京都市中京区河原町通", "604-8005"],
  ["大阪府", "大阪市北区梅田", "530-0001"],
  ["兵庫県", "神戸市中央区加納町", "650-0001"],
  ["広島県", "広島市中区基町", "730-0011"],
  ["福岡県", "福岡市博多区博多駅前", "812-0011"],
  ["沖縄県", "那覇市泉崎", "900-0021"],
];

export interface FakePerson {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  /** 「山田 太郎」 */
  name: string;
  /** 「ヤマダ タロウ」 */
  nameKana: string;
  gender: "男性" | "女性";
  /** YYYY-MM-DD, between 1965 and 2000. */
  birthDate: string;
  postalCode: string;
  prefecture: string;
  /** 市区町村・番地 */
  city: string;
  phone: string;
}

/** A small deterministic generator: SHA-256 of the seed, then a counter. */
function randomFrom(seed: string) {
  let counter = 0;
  return (bound: number) => {
    const digest = createHash("sha256").update(`${seed}#${counter++}`).digest();
    return digest.readUInt32BE(0) % bound;
  };
}

export function fakePerson(seed: string): FakePerson {
  const next = randomFrom(seed);
  const pick = <T>(list: readonly T[]): T => list[next(list.length)]!;
  const gender = next(2) === 0 ? "男性" : "女性";
  const [familyName, familyNameKana] = pick(FAMILY_NAMES);
  const [givenName, givenNameKana] = pick(GIVEN_NAMES[gender]);
  const year = 1965 + next(36);
  const month = 1 + next(12);
  const day = 1 + next(28);
  const [prefecture, town, postalCode] = pick(PLACES);
  const block = `${1 + next(5)}-${1 + next(20)}-${1 + next(30)}`;
  const phone = `090-${String(1000 + next(9000))}-${String(1000 + next(9000))}`;
  return {
    familyName,
    givenName,
    familyNameKana,
    givenNameKana,
    name: `${familyName} ${givenName}`,
    nameKana: `${familyNameKana} ${givenNameKana}`,
    gender,
    birthDate: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    postalCode,
    prefecture,
    city: `${town}${block}`,
    phone,
  };
}
