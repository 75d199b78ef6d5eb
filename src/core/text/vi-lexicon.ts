/**
 * Vietnamese sentiment lexicon for social and e-commerce comments, written for Audience Flow.
 * Words and multi-syllable phrases grouped by valence (−4…+4), comma-separated, in standard
 * accented spelling; unaccented and teen-code spellings are matched by the scorer through
 * accent folding ("tot" = "tốt") and `VI_ALIASES` ("ko" = "không", "dc" = "được").
 */

const GROUPS: [number, string][] = [
  [
    4,
    `tuyệt vời, tuyệt hảo, xuất sắc, hoàn hảo, quá tuyệt, cực kỳ hài lòng, rất rất tốt, đỉnh của chóp, đỉnh cao, number one,
    mười điểm, 10 điểm, 5 sao, năm sao, yêu lắm, quá đỉnh, siêu phẩm, không chê vào đâu được, không có gì để chê, tuyệt cú mèo`,
  ],
  [
    3,
    `tuyệt, tuyệtt, hài lòng, rất hài lòng, ưng ý, ưng, ưng lắm, thích lắm, yêu, yêu thích, đỉnh, đáng tiền, đáng đồng tiền,
    đáng mua, đáng để mua, nên mua, recommend, xứng đáng, chất lượng tốt, chất lượng cao, hàng tốt, hàng chuẩn, hàng xịn, chuẩn auth,
    xịn, xịn xò, xịn sò, quá ok, rất ok, oke lắm, ok lắm, tuyệt đẹp, rất đẹp, đẹp xuất sắc, mượt mà, siêu mượt, mượt, ngon,
    ngon lành, ngon bổ rẻ, giá tốt, giá rẻ, rẻ mà tốt, giá hợp lý, giá phải chăng, giao hàng nhanh, giao nhanh, ship nhanh,
    đóng gói cẩn thận, đóng gói kỹ, đóng gói đẹp, nhiệt tình, tư vấn nhiệt tình, phục vụ tốt, chu đáo, tận tình, tận tâm,
    thân thiện, dễ thương, cute, pin trâu, pin khỏe, pin tốt, pin lâu, pin ngon, chụp đẹp, camera đẹp, chụp ảnh đẹp,
    màn hình đẹp, sẽ ủng hộ, ủng hộ dài dài, sẽ quay lại, quay lại ủng hộ, ủng hộ shop, 5 sao cho shop, giới thiệu bạn bè,
    cảm ơn shop, thanks shop, love, perfect, excellent, great, amazing, awesome, best, vô cùng hài lòng, hết sảy, bá đạo,
    quá chất, chất lừ, đẹp lung linh, lung linh, sang trọng, sang chảnh, đẳng cấp, bền, bền bỉ, chắc chắn, ổn định`,
  ],
  [
    2,
    `tốt, tot, đẹp, thích, ổn, ổn áp, ok, oke, okie, okela, good, nice, hợp lý, nhanh, nhanh chóng, nhạy, mạnh, mạnh mẽ,
    khỏe, mát, êm, nét, sắc nét, rõ nét, rõ ràng, to rõ, sáng, trong trẻo, nhẹ, gọn, gọn nhẹ, tiện, tiện lợi, hữu ích,
    dễ dùng, dễ sử dụng, dễ xài, vừa vặn, vừa tay, cầm chắc tay, đầy đủ, đúng mô tả, giống hình, giống mô tả, như hình,
    đúng hẹn, đúng giờ, kỹ, cẩn thận, chuyên nghiệp, lịch sự, vui vẻ, vui, hạnh phúc, cảm ơn, cám ơn, thanks, thank, tks,
    chúc shop buôn may bán đắt, mãn nguyện, hấp dẫn, thú vị, ấn tượng, nổi bật, sành điệu, thời trang, trẻ trung, mới tinh,
    nguyên seal, chính hãng, hàng chính hãng, an tâm, yên tâm, tin tưởng, uy tín, rất uy tín, shop uy tín, đáng tin, đáng tin cậy,
    nhanh nhẹn, nhạy bén, mượt mượt, lướt mượt, chơi game mượt, không lag, không giật, không lỗi, không bị lỗi, tuyệt đối,
    hoàn thiện tốt, thiết kế đẹp, sạc nhanh, vân tay nhạy, nhận diện nhanh, âm thanh hay, loa to, wifi khỏe, sóng khỏe,
    xứng đáng đồng tiền, tiết kiệm, ưu đãi, khuyến mãi tốt, hỗ trợ nhiệt tình, bảo hành tốt, hậu mãi tốt, phục vụ nhanh,
    hợp túi tiền, tạm ổn, dùng tốt, xài tốt, dùng ổn, xài ổn, dùng ngon, xài ngon, dùng thích, được lắm, cũng được, dùng được,
    xài được, rất được, được đấy, được phết, được ghê, ngon lắm, mê, mê quá, phê, sướng, đã quá, hết ý, không thất vọng`,
  ],
  [
    1,
    `hay, khá tốt, khá ổn, tạm được, tạm, tạm tạm, bình thường mà, ổn định, đủ dùng, vừa đủ, vừa phải, tương đối, hợp,
    ngon ngon, đẹp đẹp, nhanh nhanh, đúng, chuẩn, chính xác, mát mẻ, nhỏ gọn, xinh, xinh xắn, hơi đẹp, tạm chấp nhận,
    chấp nhận được, giá ổn, được giá, rẻ, free ship, freeship, miễn phí, tặng kèm, quà tặng, hy vọng, mong chờ, háo hức`,
  ],
  [
    -1,
    `hơi chậm, hơi lag, hơi nóng, hơi ấm, hơi yếu, hơi đắt, hơi mắc, hơi mỏng, hơi to, hơi nặng, hơi tệ, hơi kém, hơi cùi,
    chưa tốt, chưa ổn, chưa hài lòng, tạm chấp nhận thôi, thường thôi, không có gì đặc biệt,
    đắt, mắc, đắt đỏ, giá cao, chậm, chậm chạp, lâu, nóng, nóng máy, ấm máy, nặng, dày, mỏng, nhỏ, bé, to quá, khó, khó dùng,
    khó xài, khó chịu, phức tạp, rườm rà, lăn tăn, băn khoăn, lo, lo lắng, tiếc, ngại, không như mong đợi, chưa như kỳ vọng,
    ít, thiếu, hụt, giảm, tụt, hao, hao pin, tốn pin, tụt pin, nhanh hết pin, mờ, nhòe, tối, rè, nhỏ tiếng, lệch, cong, lỏng`,
  ],
  [
    -2,
    `tệ, te, kém, dở, xấu, chán, buồn, thất vọng, không hài lòng, không ưng, không thích, ghét, bực, bực mình, bực bội,
    khó chịu quá, lỗi, bị lỗi, hư, hỏng, bị hư, bị hỏng, hư hỏng, trục trặc, lag, giật, đơ, treo, đứng máy, sập nguồn, tắt nguồn,
    tự tắt, tự khởi động, sọc, sọc màn, ám màn, hở sáng, điểm chết, trầy, trầy xước, xước, móp, méo, vỡ, nứt, bể, rách, bẩn,
    cũ, hàng cũ, hàng lỗi, hàng dựng, hàng tân trang, không giống hình, không giống mô tả, sai mô tả, khác hình, sai hàng,
    giao sai, giao thiếu, thiếu hàng, giao chậm, giao hàng chậm, ship chậm, giao lâu, chờ lâu, đợi lâu, chậm trễ, trễ hẹn,
    phí tiền, tốn tiền, đắt quá, mắc quá, không đáng, không đáng tiền, chất lượng kém, chất lượng tệ, chất lượng thấp,
    kém chất lượng, cùi, cùi bắp, phèn, rởm, dỏm, đểu, pin yếu, pin kém, pin tệ, pin nhanh hết, pin tụt nhanh, nóng quá,
    nóng ran, camera mờ, chụp mờ, chụp xấu, loa rè, mic rè, sóng yếu, wifi yếu, mất sóng, cảm ứng loạn, liệt cảm ứng,
    vân tay lâu, không nhận, không sạc được, không lên nguồn, không hoạt động, không dùng được, không xài được, không chạy,
    phục vụ kém, thái độ, thái độ kém, thái độ lồi lõm, cáu, cáu gắt, chảnh, chảnh chọe, hách dịch, lừa, lừa dối, lươn lẹo,
    không nhiệt tình, không tư vấn, không trả lời, không phản hồi, im lặng, né tránh, đổ lỗi, làm khó, hứa suông, nói dối,
    tiếc tiền, hối hận, ân hận, phí, uổng, uổng tiền, vứt đi, bỏ đi, đừng mua, không nên mua, không mua nữa, không quay lại,
    chê, tồi, kém cỏi, yếu, yếu xìu, ồn, ồn ào, hôi, mùi hôi, tạm bợ, lởm, nhái, fake, hàng fake, hàng nhái, ức chế, mệt mỏi,
    mệt, phiền, phiền phức, rắc rối, khổ, khổ sở, chán nản, nản, bad, worst, terrible, fail, sad, disappointed`,
  ],
  [
    -3,
    `tệ hại, rất tệ, quá tệ, tệ quá, quá kém, rất kém, cực kỳ tệ, cực tệ, siêu tệ, tồi tệ, kinh khủng, khủng khiếp, kinh tởm,
    ghê tởm, thảm họa, thảm hại, tệ nhất, tệ hết chỗ nói, lừa đảo, lừa đảo khách hàng, scam, treo đầu dê bán thịt chó,
    thất vọng tràn trề, quá thất vọng, rất thất vọng, vô cùng thất vọng, cực kỳ thất vọng, bực cả mình, tức, tức giận, điên,
    điên tiết, cay, phẫn nộ, vô trách nhiệm, vô học, mất dạy, láo, láo toét, cẩu thả, tắc trách, coi thường khách hàng,
    không bao giờ mua lại, không bao giờ quay lại, 1 sao, một sao, 0 sao, rác, đồ rác, hàng rác, đồ bỏ đi, sida, ngu,
    ngu ngốc, như shit, như cc, vcl, đm, dm, vãi cả lúa, nát, nát bét, hỏng hẳn, chết máy, treo logo, sập, tránh xa`,
  ],
  // Added with the question rule (cosmetics and fashion comments): skin and scent, service failures.
  [2, `mịn, mịn màng, da mịn, thơm, thơm lâu, thơm dịu, dễ chịu`],
  [
    -2,
    `không ai trả lời, không ai rep, hủy đơn, bị hủy, bị hủy đơn, khô môi, khô da, không thấy giao, chưa thấy giao,
    không thấy hàng, chưa thấy hàng`,
  ],
  // Question words that contain a sentiment word ("bao lâu" = how long): no valence of their own.
  [0, `bao lâu, bao giờ, mất bao lâu`],
];

/** Word or phrase → valence, built from the groups above. */
export const VI_ENTRIES: Record<string, number> = {};
for (const [value, list] of GROUPS) {
  for (const raw of list.split(',')) {
    const phrase = raw.trim().replace(/\s+/g, ' ');
    if (phrase) VI_ENTRIES[phrase] = value;
  }
}

/** Negators; each negates the next three tokens within its clause ("đâu có đẹp", "không hề tệ"). */
export const VI_NEGATORS = ['không', 'chẳng', 'chả', 'chưa', 'đâu', 'đừng', 'chớ', 'not', 'no', 'never'];

/** Pre-intensifiers and dampeners. */
export const VI_BOOSTERS: Record<string, number> = {
  rất: 1.35,
  quá: 1.35,
  cực: 1.5,
  'cực kỳ': 1.5,
  'cực kì': 1.5,
  siêu: 1.5,
  'vô cùng': 1.5,
  'thật sự': 1.3,
  thật: 1.2,
  'thực sự': 1.3,
  'hết sức': 1.4,
  'quá là': 1.35,
  'rất là': 1.35,
  'cũng khá': 0.8,
  khá: 0.85,
  hơi: 0.6,
  'tương đối': 0.8,
  'hơi bị': 1.3,
  'khá là': 0.85,
  very: 1.3,
  so: 1.3,
  super: 1.5,
  khủng: 1.4,
  'cực kì là': 1.5,
};

/** Post-intensifiers ("đẹp lắm", "tốt quá", "ngon vãi"). */
export const VI_POST: Record<string, number> = {
  lắm: 1.35,
  quá: 1.35,
  ghê: 1.3,
  cực: 1.5,
  'cực kỳ': 1.5,
  'vô cùng': 1.5,
  thật: 1.2,
  luôn: 1.2,
  vãi: 1.5,
  vl: 1.5,
  vcl: 1.6,
  'dã man': 1.5,
  'kinh khủng': 1.5,
  'hết sẩy': 1.5,
  xỉu: 1.4,
  'lắm luôn': 1.5,
  'quá trời': 1.5,
  thế: 1.1,
  phết: 1.2,
  lun: 1.2,
  'cực kì': 1.5,
  nhất: 1.4,
  hơn: 1.1,
  nha: 1,
  nhé: 1,
};

/** Contrast words: the clause after them weighs more. */
export const VI_CONTRAST = ['nhưng', 'tuy nhiên', 'but', 'however'];

/** Teen-code and common misspellings → standard spelling (token by token). */
export const VI_ALIASES: Record<string, string> = {
  ko: 'không',
  k: 'không',
  kh: 'không',
  khg: 'không',
  kg: 'không',
  hok: 'không',
  hông: 'không',
  hong: 'không',
  hem: 'không',
  khong: 'không',
  hk: 'không',
  kô: 'không',
  hổng: 'không',
  chang: 'chẳng',
  cha: 'chả',
  chua: 'chưa',
  dc: 'được',
  đc: 'được',
  dk: 'được',
  đk: 'được',
  duoc: 'được',
  đươc: 'được',
  qá: 'quá',
  wá: 'quá',
  qa: 'quá',
  wa: 'quá',
  qua: 'quá',
  lém: 'lắm',
  lam: 'lắm',
  lun: 'luôn',
  rat: 'rất',
  sieu: 'siêu',
  cuc: 'cực',
  j: 'gì',
  bt: 'bt',
  oki: 'ok',
  okie: 'ok',
  oke: 'ok',
  okay: 'ok',
  okê: 'ok',
  ôk: 'ok',
  ổn: 'ổn',
  nhung: 'nhưng',
  nhg: 'nhưng',
  ng: 'người',
  vs: 'với',
  tks: 'cảm ơn',
  thanks: 'cảm ơn',
  thank: 'cảm ơn',
};

/** Valence only at a clause end or before "lắm", "nha"…: "sp dc lắm" is praise, "ko dc" a complaint, "được giao" neither. */
export const VI_FINALS: Record<string, number> = { được: 1.5 };
export const VI_PARTICLES = ['nha', 'nhé', 'đó', 'đấy', 'rồi', 'ạ', 'á', 'à', 'nè', 'mà', 'luôn', 'hen', 'ha', 'nhỉ', 'thôi'];

/**
 * Unaccented spellings that are common words of their own and must not be read as a folded
 * sentiment word: "em" (I/you) is not "êm" (smooth), "xin" (please) not "xịn", "do" (because)
 * not "dở", "sang" (to) not "sáng", "mong" (hope) not "mỏng", "dung" (dung lượng) not "dùng",
 * "ban" (ban đầu) not "bẩn", "hoi" not "hơi", "rom" (memory) not "rởm", "long" not "lỏng".
 * Chosen from UIT-ViSFD token counts: the plain spelling is frequent in accented text. Only single
 * words: unaccented phrases still fold ("hang xin qua" = "hàng xịn quá"). The price: unaccented
 * "ao em lam" (áo êm lắm) is no longer read as praise.
 */
export const VI_NO_FOLD = ['em', 'xin', 'do', 'sang', 'mong', 'dung', 'ban', 'hoi', 'rom', 'long'];

/** Words that close a yes/no question ("có freeship không", "giao chưa", "… chăng"); aliases ("ko", "k") are already "không". */
export const VI_QUESTION_ENDS = ['không', 'chưa', 'chăng'];

/** Who a question is addressed to, after its last word ("… không shop", "… chưa ad ơi"). */
export const VI_ADDRESSEES = [
  'shop',
  'sốp',
  'ad',
  'admin',
  'add',
  'chị',
  'anh',
  'em',
  'bạn',
  'c',
  'a',
  'e',
  'b',
  'ơi',
  'vậy',
  'vay',
  'thế',
  'nhỉ',
  'ạ',
  'hả',
  'z',
  'v',
];
