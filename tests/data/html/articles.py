"""The articles behind the saved-page fixtures: our own sentences about public facts of China's AI
race, under invented outlets and bylines. make-pages.py wraps each in the page shape of its outlet."""

# Each article: title, author, published (ISO), outlet, section, body items in order:
# ("p", text), ("h2", text), ("h3", text), ("ul", [items]), ("caption", text) - captions are not body.
ARTICLES = {
    "wire-patents": dict(
        title="China Files Six Times More Generative AI Patents Than the US, WIPO Says",
        author="Mara Lindqvist", published="2024-07-03", outlet="Harbour Ledger", section="Technology",
        body=[
            ("p", "GENEVA, July 3 (Harbour Ledger) - Inventors in China filed about 38,000 patent families for generative AI between 2014 and 2023, according to a report published on Wednesday by the World Intellectual Property Organization."),
            ("p", "The United States came second with 6,276 families over the same decade, followed by South Korea, Japan and India, the agency said in its first patent landscape on the technology."),
            ("caption", "A visitor photographs a humanoid robot at an AI fair in Shanghai. Photo: Harbour Ledger archive"),
            ("p", "Tencent led the list of applicants, ahead of Ping An Insurance, Baidu and the Chinese Academy of Sciences, while IBM was the highest-ranked American filer."),
            ("p", "WIPO counted more than 50,000 generative AI patent families worldwide, a quarter of them published in 2023 alone."),
            ("p", "Patent counts measure activity rather than quality, and many Chinese filings never leave the domestic office, analysts cautioned."),
        ]),
    "blog-survey": dict(
        title="Why Chinese Firms Say They Use Generative AI More Than American Ones",
        author="Daniel Okafor", published="2024-07-11", outlet="Eastbound Notes", section="",
        body=[
            ("p", "A survey of 1,600 decision makers commissioned by the analytics company SAS found that 83% of Chinese respondents were already using generative AI at work."),
            ("p", "In the United States the share was 65%, and the global average across the industries polled was 54%."),
            ("h2", "What the numbers leave out"),
            ("p", "Using a chatbot to draft an email counts the same as running a model in production, so the gap says more about enthusiasm than about depth of adoption."),
            ("p", "Still, the result matches what engineers in Shenzhen and Hangzhou describe: managers under pressure to show that they are not falling behind."),
        ]),
    "magazine-pricewar": dict(
        title="The Great Token Sale: How China's Model Makers Started a Price War",
        author="Chen Yiru", published="2024-05-28", outlet="Pacific Tech Review", section="Business",
        body=[
            ("p", "In May 2024 the startup DeepSeek priced its V2 model at one yuan per million input tokens, a fraction of what rivals charged."),
            ("p", "ByteDance answered within days, pricing its Doubao Pro model at 0.0008 yuan per thousand tokens and claiming it was 99.8% cheaper than GPT-4."),
            ("caption", "Developers at a hackathon in Beijing test cheaper model APIs."),
            ("h2", "Giants follow"),
            ("p", "Alibaba Cloud cut the price of its Qwen-Long model by 97%, and Baidu made two lightweight Ernie models free to use."),
            ("p", "Smaller companies such as Zhipu AI and Moonshot AI were left to decide whether to match the cuts or compete on quality."),
            ("ul", ["Cheaper tokens pull in developers who build apps on top of the models.",
                    "Losses grow for startups that lack a cloud business to cross-subsidise them."]),
        ]),
    "newspaper-chips": dict(
        title="Washington Tightens the Screws on AI Chips Bound for China",
        author="Priya Raman, Lukas Brenner", published="2023-10-17", outlet="Meridian Daily", section="World",
        body=[
            ("p", "The US Commerce Department on Tuesday widened its export controls on advanced semiconductors, closing loopholes that had let Nvidia sell slowed-down chips to Chinese customers."),
            ("p", "The rules, which update restrictions first issued in October 2022, cover the A800 and H800 processors that Nvidia designed to comply with the earlier limits."),
            ("h2", "Industry reaction"),
            ("p", "Nvidia said it did not expect a near-term effect on its results, while Chinese officials called the measures a violation of market principles."),
            ("p", "Analysts said Huawei, whose Ascend 910B processor is the most capable domestic alternative, stood to gain customers among Chinese cloud providers."),
        ]),
    "thinktank-plan": dict(
        title="Reading Beijing's 2030 AI Ambition Seven Years On",
        author="Sofia Marchetti", published="2024-09-02", outlet="Northgate Policy Institute", section="Policy Brief",
        body=[
            ("p", "In July 2017 China's State Council issued the New Generation Artificial Intelligence Development Plan, which set the goal of making the country the world's main AI innovation centre by 2030."),
            ("h2", "Targets"),
            ("p", "The plan named three milestones, each with a size for the core AI industry."),
            ("ul", ["By 2020, keeping pace with the leading countries.",
                    "By 2025, major breakthroughs in basic theory.",
                    "By 2030, a core AI industry worth more than 1 trillion yuan."]),
            ("h3", "Where things stand"),
            ("p", "The Stanford AI Index counted 61 notable machine learning models from US institutions in 2023 and 15 from China, a gap that the plan's authors did not foresee."),
            ("p", "China nonetheless leads in industrial robot installations and in AI research publications, which supports the view that its strengths lie in applications."),
        ]),
    "gbk-baidu": dict(
        title="Baidu Says Ernie Bot Passed 200 Million Users",
        author="Wen Haoran", published="2024-04-16", outlet="Yangtze Business Times", section="Companies",
        body=[
            ("p", "Baidu (百度) said on Tuesday that its Ernie Bot chatbot had passed 200 million users, up from 100 million at the end of 2023."),
            ("p", "Chief executive Robin Li (李彦宏) told a developer conference in Shenzhen that daily calls to the Ernie models had reached 200 million."),
            ("p", "The company faces competition from Alibaba's Tongyi Qianwen and from Moonshot AI, whose Kimi assistant gained users quickly in the spring."),
        ]),
    "cp1252-deepseek": dict(
        title="DeepSeek’s R1 Wipes Hundreds of Billions Off Nvidia",
        author="Tomás Aguilar", published="2025-01-27", outlet="Circuit Weekly", section="Markets",
        body=[
            ("p", "Shares of Nvidia fell about 17% on Monday, erasing roughly $589 billion of market value, after the Chinese startup DeepSeek released a reasoning model it said cost far less to train than American rivals."),
            ("p", "DeepSeek published R1 on January 20, 2025, under an open licence, and its chatbot app briefly topped Apple’s App Store in the United States."),
            ("p", "Investors questioned whether the heavy spending on data centres by Microsoft, Meta and Alphabet would earn the returns they had been promised."),
        ]),
    "hidden-furniture": dict(
        title="Alibaba Pledges 380 Billion Yuan for Cloud and AI Infrastructure",
        author="Grace Liang", published="2025-02-24", outlet="The Lattice", section="Technology",
        body=[
            ("p", "Alibaba Group said it would invest more than 380 billion yuan in cloud computing and AI infrastructure over the next three years, more than it spent on the two businesses in the past decade."),
            ("p", "Chief executive Eddie Wu said the company wanted to build the infrastructure for artificial general intelligence, and shares in Hong Kong rose after the announcement."),
            ("h2", "Why it matters"),
            ("p", "The pledge puts Alibaba's spending closer to that of American cloud providers, although it remains a fraction of what Microsoft plans to invest this year."),
        ]),
    "readability-kimi": dict(
        title="Moonshot AI's Kimi Bets on Very Long Context",
        author="Noah Feldman", published="2024-03-18", outlet="Silk Road Signal", section="",
        body=[
            ("p", "Moonshot AI said on Monday that its Kimi chatbot could now read two million Chinese characters in a single prompt, up from 200,000 when the product launched in October 2023."),
            ("p", "The Beijing startup, founded by Yang Zhilin in 2023, has raised money from Alibaba and other investors, and its app rose to the top of Chinese download charts in March."),
            ("p", "Rivals including Baidu and Alibaba responded by extending the context windows of their own assistants within weeks."),
            ("p", "Long context matters for lawyers and analysts who need a model to read entire contracts or annual reports, the company argued."),
        ]),
    "equality-pricewar": dict(
        title="China's Model Makers Cut Prices to the Bone",
        author="Wen Haoran", published="2024-05-30", outlet="The Compute Wire", section="",
        body=[
            ("p", "DeepSeek priced its V2 model at 1 yuan per million input tokens in May 2024, setting off a price war among Chinese AI companies."),
            ("p", "ByteDance then priced Doubao Pro at 0.0008 yuan per thousand tokens, which it said was 99.8% cheaper than GPT-4."),
            ("h2", "Who Cut What"),
            ("ul", ["Alibaba cut the price of Qwen-Long by 97% on May 21, 2024.",
                    "Baidu made its Ernie Speed and Ernie Lite models free the same day."]),
            ("p", "Tencent followed, and analysts at Bernstein said the cuts would push smaller Chinese model makers to seek more funding in 2024."),
        ]),
    "pullquote-tencent": dict(
        title="Tencent Opens Up Its Largest Hunyuan Model",
        author="Lena Hartmann", published="2024-11-06", outlet="Straits Circuit", section="Companies",
        body=[
            ("p", "Tencent released Hunyuan-Large on Tuesday, an open mixture-of-experts model with 389 billion parameters, of which 52 billion are active for each token."),
            ("p", "The Shenzhen company said the model matched or beat Meta's Llama 3.1 on several English and Chinese benchmarks, although independent tests were not yet available."),
            ("p", "Tencent has been slower than Alibaba to court outside developers, and opening its weights is an attempt to catch up with Qwen, which has become a common base for Chinese startups."),
            ("h2", "A crowded field"),
            ("p", "DeepSeek, Zhipu AI and MiniMax have also published open models this year, and analysts expect prices for hosted versions to keep falling."),
        ]),
    "liveblog-zhipu": dict(
        title="Zhipu AI Added to US Entity List: What We Know",
        author="Omar Haddad", published="2025-01-15", outlet="Capital Wire Asia", section="Policy",
        body=[
            ("h2", "Key points"),
            ("ul", ["The US Commerce Department added Zhipu AI to its Entity List.",
                    "The listing restricts American exports to the Beijing company."]),
            ("h2", "The decision"),
            ("p", "The Commerce Department said on Wednesday that it had added Zhipu AI and several of its affiliates to the Entity List, citing support for China's military modernisation."),
            ("h2", "The company"),
            ("p", "Zhipu AI, which grew out of Tsinghua University, sells the GLM family of models and launched an agent called AutoGLM in October 2024."),
            ("p", "The company said the decision had no factual basis and that it would keep serving its customers."),
        ]),
}
